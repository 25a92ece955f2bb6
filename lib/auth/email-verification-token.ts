import "server-only";
import { createHash, createHmac, hkdfSync } from "node:crypto";
import { env } from "@/lib/env";

const PREFIX = "tgv_";
const TOKEN_PATTERN = /^tgv_[A-Za-z0-9_-]{43}$/;

let key: Buffer | undefined;
function getKey(): Buffer {
  key ??= Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "teamgate", "email-verification-token/v1", 32));
  return key;
}

/**
 * A confirmation link's token, built like a password reset's: an HMAC of the row's random id
 * under a key derived from AUTH_SECRET. Only its SHA-256 is stored; the sender rebuilds it.
 */
export function deriveEmailVerificationToken(verificationId: string): string {
  return PREFIX + createHmac("sha256", getKey()).update(`email-verification/${verificationId}`).digest("base64url");
}

export function isWellFormedEmailVerificationToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

export function hashEmailVerificationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function buildEmailVerificationUrl(token: string): string {
  return `${env.APP_URL}/join/confirm/${token}`;
}
