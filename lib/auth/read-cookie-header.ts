/** One cookie's value from a raw Cookie header (next-auth hands authorize the headers, not a cookie store). */
export function readCookieHeader(header: unknown, name: string): string | null {
  if (typeof header !== "string") return null;
  for (const pair of header.split(";")) {
    const at = pair.indexOf("=");
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return null;
}
