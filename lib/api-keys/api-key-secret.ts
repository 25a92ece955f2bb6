import "server-only";
import { createHash, randomBytes } from "node:crypto";

export const API_KEY_PREFIX = "tg_live_";

/** 32 CSPRNG bytes behind a recognisable prefix (secret scanners look for it). */
export function generateApiKey(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}
