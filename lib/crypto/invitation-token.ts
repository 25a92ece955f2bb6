import "server-only";
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

export const INVITATION_TOKEN_PREFIX = "tgi_";
const TOKEN_PATTERN = /^tgi_[A-Za-z0-9_-]{43}$/;

/** 32 bytes from the CSPRNG, base64url, with a prefix that secret scanners can recognise. */
export function generateInvitationToken(): string {
  return INVITATION_TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function isWellFormedInvitationToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

let sealingKey: Buffer | undefined;
function getSealingKey(): Buffer {
  sealingKey ??= Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "teamgate", "invitation-token-seal/v1", 32));
  return sealingKey;
}

/** AES-256-GCM under a key derived from AUTH_SECRET: a database dump alone yields no working link. */
export function sealInvitationToken(token: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", getSealingKey(), iv);
  const body = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(
    ".",
  );
}

export function unsealInvitationToken(sealed: string): string | null {
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

export function buildInvitationUrl(token: string): string {
  return `${env.APP_URL}/invite/${token}`;
}
