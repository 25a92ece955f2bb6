export type UrlChanges = Record<string, string | null>;

/** Applies changes to a query string; empty values remove their key. */
export function mergeQuery(query: string, changes: UrlChanges, resetPage: boolean): string {
  const next = new URLSearchParams(query);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === "") next.delete(key);
    else next.set(key, value);
  }
  if (resetPage) next.delete("page");
  return next.toString();
}

/** The values of a comma-separated URL parameter. */
export function readList(value: string | null): string[] {
  return value ? value.split(",").filter(Boolean) : [];
}

/** Adds or removes one value of a comma-separated URL parameter; null when none is left. */
export function toggleListValue(value: string | null, item: string, checked: boolean): string | null {
  const items = readList(value).filter((existing) => existing !== item);
  if (checked) items.push(item);
  return items.length > 0 ? items.join(",") : null;
}

/** The change that moves one page back or forward from the newest URL, within 1..pageCount. */
export function stepPage(latest: URLSearchParams, step: -1 | 1, pageCount: number): UrlChanges {
  const page = Math.min(Math.max(1, (Number(latest.get("page")) || 1) + step), pageCount);
  return { page: page > 1 ? String(page) : null };
}
