import "server-only";
import { createHash, createHmac, hkdfSync } from "node:crypto";
import { env } from "@/lib/env";

const PREFIX = "tgr_";
const TOKEN_PATTERN = /^tgr_[A-Za-z0-9_-]{43}$/;

let key: Buffer | undefined;
function getKey(): Buffer {
  key ??= Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "teamgate", "password-reset-token/v1", 32));
  return key;
}

/**
 * A reset link's token: an HMAC-SHA256 of the reset row's random id under a key derived from
 * AUTH_SECRET. The database keeps only its SHA-256, so a dump alone yields no working link, and
 * the outbox sender rebuilds the token from the id when it sends: the token is never stored.
 */
export function derivePasswordResetToken(resetId: string): string {
  return PREFIX + createHmac("sha256", getKey()).update(`password-reset/${resetId}`).digest("base64url");
}

export function isWellFormedPasswordResetToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

export function hashPasswordResetToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function buildPasswordResetUrl(token: string): string {
  return `${env.APP_URL}/reset-password/${token}`;
}
