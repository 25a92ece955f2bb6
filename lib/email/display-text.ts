const ZERO_WIDTH_SPACE = "\u200B";

/**
 * User-supplied names (team, inviter) as they may appear in an email: one line, capped, and
 * unable to turn into a link. Mail clients auto-link anything that looks like a domain or URL,
 * so a zero-width space after ".", ":", "/" and "@" keeps "evil.com" from becoming clickable.
 */
export function toDisplayText(value: string, maxLength = 80): string {
   
  const oneLine = value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").replace(/\s+/g, " ").trim();
  const capped = [...oneLine].length > maxLength ? `${[...oneLine].slice(0, maxLength - 1).join("").trimEnd()}…` : oneLine;
  return capped.replace(/([.:/@])/g, `$1${ZERO_WIDTH_SPACE}`);
}
