import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

let sealingKey: Buffer | undefined;
function getSealingKey(): Buffer {
  sealingKey ??= Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "teamgate", "webhook-secret-seal/v1", 32));
  return sealingKey;
}

/**
 * Signing needs the secret itself (an HMAC key cannot be hashed), so it is stored under
 * AES-256-GCM with a key derived from AUTH_SECRET: a database dump alone cannot sign events.
 */
export function sealWebhookSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", getSealingKey(), iv);
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(
    ".",
  );
}

/** Null when AUTH_SECRET changed since it was sealed: the endpoint needs a new secret. */
export function unsealWebhookSecret(sealed: string): string | null {
  const [version, iv, body, tag] = sealed.split(".");
  if (version !== "v1" || !iv || !body || !tag) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", getSealingKey(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
