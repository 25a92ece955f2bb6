import { createHmac, randomBytes } from "node:crypto";

export const WEBHOOK_SECRET_PREFIX = "whsec_";
const SECRET_PATTERN = /^whsec_[A-Za-z0-9+/]{43}=$/;

/** 32 CSPRNG bytes in the Standard Webhooks form (`whsec_` + base64), which Svix's libraries accept as is. */
export function generateWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + randomBytes(32).toString("base64");
}

export function isWellFormedWebhookSecret(secret: string): boolean {
  return SECRET_PATTERN.test(secret);
}

/**
 * The Standard Webhooks (Svix) headers for one request: `v1,` + base64 HMAC-SHA256 of
 * `id.timestamp.body` under the secret's bytes. Several secrets (during a rotation) give several
 * space-separated signatures; a receiver accepts the request if any one matches.
 */
export function signWebhook({
  id,
  body,
  secrets,
  timestamp,
}: {
  id: string;
  body: string;
  secrets: string[];
  timestamp: Date;
}): Record<"webhook-id" | "webhook-timestamp" | "webhook-signature", string> {
  const seconds = Math.floor(timestamp.getTime() / 1000).toString();
  const signatures = secrets.map((secret) => {
    const key = Buffer.from(secret.slice(WEBHOOK_SECRET_PREFIX.length), "base64");
    return `v1,${createHmac("sha256", key).update(`${id}.${seconds}.${body}`).digest("base64")}`;
  });
  return { "webhook-id": id, "webhook-timestamp": seconds, "webhook-signature": signatures.join(" ") };
}
