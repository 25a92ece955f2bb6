const BASE = "http://teamgate.invalid";

/** A path a browser resolves against our own origin, exactly as written (no `//host`, no `/\host`). */
function isSameOriginPath(path: string): boolean {
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return false;
  if (/[\u0000-\u001f\u007f\\]/.test(path)) return false;
  try {
    const url = new URL(path, BASE);
    return url.origin === BASE && `${url.pathname}${url.search}${url.hash}` === path;
  } catch {
    return false;
  }
}

/**
 * Same-origin paths only: anything else lands on `fallback`. The input is normalised the way a
 * browser would (dot segments, percent-encoding), and the check runs on what is returned:
 * `/.//evil.com` normalises to `//evil.com`, a different host, so checking the input alone is not enough.
 */
export function toSafeRedirectPath(candidate: string | null | undefined, fallback = "/"): string {
  if (!candidate || typeof candidate !== "string" || candidate.length > 2048) return fallback;
  if (!candidate.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(candidate)) return fallback;
  try {
    const url = new URL(candidate, BASE);
    if (url.origin !== BASE) return fallback;
    const path = `${url.pathname}${url.search}${url.hash}`;
    return isSameOriginPath(path) ? path : fallback;
  } catch {
    return fallback;
  }
}
