/**
 * Strict email address parsing, shared by the server and the invite dialog's preview.
 * Accepted: a dot-atom local part (RFC 5322 atext, ASCII) and a DNS domain (IDN allowed,
 * stored in its ASCII form). Refused: quoted local parts, comments, display names, IP
 * literals, whitespace and control characters — forms that can deliver somewhere other
 * than what a person reads.
 */
export type EmailParseResult =
  { ok: true; address: string; canonical: string; domain: string } | { ok: false; reason: string };

const MAX_ADDRESS = 254;
const MAX_LOCAL = 64;
const MAX_LABEL = 63;
const ATEXT = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+$/;
const ASCII_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f\u2028\u2029\u200b-\u200f\u2060\ufeff]/;

/** Dot-separated labels of letters, marks, digits and hyphens: a hostname and nothing more (no path, query, fragment, port or escapes). */
const HOSTNAME = /^[\p{L}\p{M}\p{N}-]+(?:\.[\p{L}\p{M}\p{N}-]+)+$/u;

function toAsciiDomain(domain: string): string | null {
  // The URL parser would read "exämple.com/evil" as a host and a path: only a bare hostname may reach it.
  if (!HOSTNAME.test(domain)) return null;
  if (/^[\x21-\x7e]+$/.test(domain)) return domain.toLowerCase();
  try {
    return new URL(`http://${domain}`).hostname;
  } catch {
    return null;
  }
}

/**
 * The one canonical form every comparison uses (invitations, sign-in, sign-up, seed): trimmed,
 * Unicode NFKC, lower-cased, the domain in its ASCII (punycode) form. Input the strict parser
 * refuses still gets a stable key (for rate limits and lookups that then find nobody).
 */
export function canonicalizeEmail(input: string): string {
  const parsed = parseEmail(input);
  if (parsed.ok) return parsed.canonical;
  const normalized = input.trim().normalize("NFKC");
  const at = normalized.lastIndexOf("@");
  const domain = at > 0 ? toAsciiDomain(normalized.slice(at + 1)) : null;
  return (domain ? `${normalized.slice(0, at)}@${domain}` : normalized).toLowerCase();
}

export function parseEmail(input: string): EmailParseResult {
  const trimmed = input.trim();
  if (trimmed === "") return { ok: false, reason: "Empty address" };
  if (trimmed.length > MAX_ADDRESS) return { ok: false, reason: "Address is too long" };
  if (CONTROL_OR_SPACE.test(trimmed)) return { ok: false, reason: "Address contains spaces or control characters" };
  if (/[<>]/.test(trimmed)) return { ok: false, reason: "Enter the address alone, without a name" };
  if (/["()\\[\],;:]/.test(trimmed)) return { ok: false, reason: "Address contains characters that are not allowed" };

  const normalized = trimmed.normalize("NFKC");
  const at = normalized.lastIndexOf("@");
  if (at <= 0 || normalized.indexOf("@") !== at) return { ok: false, reason: "Address needs exactly one @" };

  const local = normalized.slice(0, at);
  const domainInput = normalized.slice(at + 1);
  if (local.length > MAX_LOCAL) return { ok: false, reason: "The part before @ is too long" };
  if (!local.split(".").every((atom) => ATEXT.test(atom))) {
    return { ok: false, reason: "The part before @ is not valid" };
  }

  const domain = toAsciiDomain(domainInput);
  if (!domain || domain.length > 253) return { ok: false, reason: "The domain is not valid" };
  const labels = domain.split(".");
  if (labels.length < 2) return { ok: false, reason: "The domain needs a dot, as in example.com" };
  if (!labels.every((label) => label.length <= MAX_LABEL && ASCII_LABEL.test(label))) {
    return { ok: false, reason: "The domain is not valid" };
  }
  const tld = labels[labels.length - 1]!;
  if (!/^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(tld)) return { ok: false, reason: "The domain is not valid" };

  const address = `${local}@${domain}`;
  if (address.length > MAX_ADDRESS) return { ok: false, reason: "Address is too long" };
  return { ok: true, address, canonical: address.toLowerCase(), domain };
}

/** Splits pasted text (commas, semicolons, whitespace, new lines, spreadsheet cells) into entries. */
export function splitEmailList(input: string): string[] {
  return input
    .split(/[\s,;]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
}

/** Is this domain (already ASCII, lower-case) allowed by the team's list? Empty list means any. */
export function isDomainAllowed(domain: string, allowedDomains: readonly string[]): boolean {
  if (allowedDomains.length === 0) return true;
  return allowedDomains.some((allowed) => domain === allowed || domain.endsWith(`.${allowed}`));
}
