import { BlockList, isIP } from "node:net";

/**
 * Addresses a webhook may never reach in production (SSRF): loopback, private, link-local (cloud
 * metadata at 169.254.169.254), carrier-grade NAT, multicast, reserved and documentation ranges,
 * and their IPv4-mapped IPv6 forms.
 */
const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 3],
] as const) {
  BLOCKED.addSubnet(network, prefix, "ipv4");
  BLOCKED.addSubnet(`::ffff:${network}`, 96 + prefix, "ipv6");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  BLOCKED.addSubnet(network, prefix, "ipv6");
}

/** True for an address on the public internet; false for anything internal, reserved or malformed. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return !BLOCKED.check(address, family === 4 ? "ipv4" : "ipv6");
}

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);
const INTERNAL_SUFFIXES = [".localhost", ".local", ".internal", ".home.arpa"];

export type WebhookUrlCheck = { ok: true; url: string } | { ok: false; error: string };

/**
 * The URL an endpoint may have. HTTPS always; plain HTTP only to this machine, and only where
 * private networks are allowed (development and tests, whose receivers are local servers). In
 * production no internal name or address is accepted here, and the sender checks every address
 * the name resolves to again when it connects (send-webhook.ts), so DNS cannot smuggle one in.
 */
export function checkWebhookUrl(
  input: string,
  { allowPrivateNetwork }: { allowPrivateNetwork: boolean },
): WebhookUrlCheck {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, error: "Enter a full URL, such as https://example.com/webhooks." };
  }
  if (url.username || url.password) return { ok: false, error: "The URL may not contain a user name or password." };
  const host = url.hostname.toLowerCase();
  const loopback = LOOPBACK_NAMES.has(host);
  if (url.protocol === "http:") {
    if (!(allowPrivateNetwork && loopback)) return { ok: false, error: "The URL must start with https://." };
  } else if (url.protocol !== "https:") {
    return { ok: false, error: "The URL must start with https://." };
  }
  if (!allowPrivateNetwork) {
    const literal = host.startsWith("[") ? host.slice(1, -1) : host;
    const internalName = host === "localhost" || INTERNAL_SUFFIXES.some((suffix) => host.endsWith(suffix));
    if (internalName || (isIP(literal) !== 0 && !isPublicAddress(literal)) || !host.includes("."))
      return { ok: false, error: "The URL must point to a public address, not an internal one." };
  }
  url.hash = "";
  return { ok: true, url: url.toString() };
}
