/** Same-origin paths only: anything else lands on "/". */
export function toSafeRedirectPath(candidate: string | null | undefined, fallback = "/"): string {
  if (!candidate || typeof candidate !== "string") return fallback;
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\\]/.test(candidate)) return fallback;
  try {
    const url = new URL(candidate, "http://teamgate.invalid");
    if (url.origin !== "http://teamgate.invalid") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
