import type { z } from "zod";

export type RawSearchParams = Record<string, string | string[] | undefined>;

/**
 * A table's URL with what its schema cannot read taken out: an unknown status in a list is
 * dropped, a page of "abc" is dropped (so the default applies). Keys the schema does not know
 * stay as they are. `changed` says the page should redirect to the cleaned address, so a stale
 * or hand-edited link never reaches the data layer as a validation error.
 */
export function cleanTableQuery(
  shape: Record<string, z.ZodType>,
  raw: RawSearchParams,
): { params: URLSearchParams; changed: boolean } {
  const params = new URLSearchParams();
  let changed = false;
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const schema = shape[key];
    if (!schema) {
      for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
      continue;
    }
    // A repeated key is read as one comma-separated list, which is how the tables write lists.
    const joined = Array.isArray(value) ? value.join(",") : value;
    if (Array.isArray(value)) changed = true;
    if (schema.safeParse(joined).success) {
      params.set(key, joined);
      continue;
    }
    changed = true;
    const items = joined.split(",").filter((item) => item !== "" && schema.safeParse(item).success);
    const kept = items.join(",");
    if (items.length > 0 && schema.safeParse(kept).success) params.set(key, kept);
  }
  return { params, changed };
}

/** The path with a query string, or the bare path when there is none. */
export function withQuery(pathname: string, params: URLSearchParams): string {
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}
