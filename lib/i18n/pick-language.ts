/**
 * The best of the catalogue languages for an Accept-Language header ("fr-CH, fr;q=0.9,
 * en;q=0.8"), for answers given before any invitation is looked up; English otherwise.
 */
export function pickLanguage(acceptLanguage: string | null, available: readonly string[]): string {
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";");
      const q = Number(params.find((p) => p.trim().startsWith("q="))?.split("=")[1] ?? 1);
      return { language: tag.split("-")[0]!, q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.language && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.find((entry) => available.includes(entry.language))?.language ?? "en";
}
