import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { createSealer } from "./seal-secret";

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

const sealer = createSealer("invitation-token-seal/v1");

/** The token, readable again by the server only (to email the link): a database dump alone yields no working link. */
export const sealInvitationToken = (token: string) => sealer.seal(token);
export const unsealInvitationToken = (sealed: string) => sealer.unseal(sealed);

export function buildInvitationUrl(token: string): string {
  return `${env.APP_URL}/invite/${token}`;
}
