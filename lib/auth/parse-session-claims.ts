import { z } from "zod";
import type { SessionClaims } from "./session-lifetime";

const claimsSchema = z.object({
  sub: z.uuid(),
  sv: z.number().int().min(0),
  authTime: z.number().int().positive(),
});

/** Teamgate's claims from a decoded session token, or null (tokens from before session versions lack them). */
export function parseSessionClaims(token: unknown): SessionClaims | null {
  const parsed = claimsSchema.safeParse(token);
  return parsed.success ? { userId: parsed.data.sub, sessionVersion: parsed.data.sv, authTime: parsed.data.authTime } : null;
}
