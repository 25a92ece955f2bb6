const ZERO_WIDTH_SPACE = "\u200B";
// Bidi embeddings, overrides, isolates and marks (U+202A–202E, U+2066–2069, U+200E/F, U+061C):
// inside a name they can reorder the text around it, so "Support\u202Emoc.live" reads as something else.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/**
 * User-supplied names (team, inviter, member) as shown to someone else: one line, capped, without
 * bidi controls, and (in an email, the default) unable to turn into a link. Mail clients auto-link
 * anything that looks like a domain or URL, so a zero-width space after ".", ":", "/" and "@" keeps
 * "evil.com" from becoming clickable. Markup stays text: escaping is React's job.
 */
export function toDisplayText(
  value: string,
  maxLength = 80,
  { breakLinks = true }: { breakLinks?: boolean } = {},
): string {
  const oneLine = value
    .replace(BIDI_CONTROLS, "")
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const capped =
    [...oneLine].length > maxLength
      ? `${[...oneLine]
          .slice(0, maxLength - 1)
          .join("")
          .trimEnd()}…`
      : oneLine;
  return breakLinks ? capped.replace(/([.:/@])/g, `$1${ZERO_WIDTH_SPACE}`) : capped;
}
