import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

// Sealing for "copy link" is the invitations' own (AES-256-GCM under a key derived from AUTH_SECRET).
export {
  sealInvitationToken as sealInviteLinkToken,
  unsealInvitationToken as unsealInviteLinkToken,
} from "./invitation-token";

export const INVITE_LINK_TOKEN_PREFIX = "tgl_";
const TOKEN_PATTERN = /^tgl_[A-Za-z0-9_-]{43}$/;

/** 32 bytes from the CSPRNG, base64url, with a prefix that secret scanners can recognise. */
export function generateInviteLinkToken(): string {
  return INVITE_LINK_TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function isWellFormedInviteLinkToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/** Unknown and malformed tokens hash too, so every lookup costs the same one indexed read. */
export function hashInviteLinkToken(token: string): string {
  const value = isWellFormedInviteLinkToken(token) ? token : `invalid:${token.slice(0, 100)}`;
  return createHash("sha256").update(value).digest("hex");
}

export function buildInviteLinkUrl(token: string): string {
  return `${env.APP_URL}/join/${token}`;
}
