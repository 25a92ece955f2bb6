const IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** The first four groups of an IPv6 address, or null when it is not one. */
function ipv6Network(candidate: string): string | null {
  if (!/^[0-9a-f:]+$/.test(candidate) || candidate.length > 39) return null;
  const halves = candidate.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (groups.some((group) => !/^[0-9a-f]{1,4}$/.test(group))) return null;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/** One entry as a rate-limit identity: an IPv4 address, or an IPv6 client's /64 (one subscriber's usual block). */
function normalizeAddress(entry: string): string | null {
  const value = entry
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\](?::\d+)?$/, "$1");
  const mapped = value.startsWith("::ffff:") ? value.slice(7) : value;
  const ipv4 = mapped.replace(/:\d+$/, "");
  if (IPV4.test(ipv4)) return ipv4;
  return ipv6Network(value);
}

/**
 * The client's address from X-Forwarded-For, counting `trustedHops` proxies from the right.
 * The last entry is the socket's peer (scripts/start-server.mjs appends it, as a proxy would);
 * each trusted proxy appended the address it saw, so the client is `trustedHops` entries left
 * of it. Entries further left are whatever the client sent and are never read. With fewer
 * entries than that, the leftmost is taken; anything that is not an address is "unknown".
 */
export function parseClientAddress(forwardedFor: string | null | undefined, trustedHops: number): string {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return "unknown";
  const chosen = entries[Math.max(0, entries.length - 1 - trustedHops)]!;
  return normalizeAddress(chosen) ?? "unknown";
}
