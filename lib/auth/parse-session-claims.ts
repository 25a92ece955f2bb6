import { z } from "zod";
import type { SessionClaims } from "./session-lifetime";

const claimsSchema = z.object({
  sub: z.uuid(),
  sid: z.uuid(),
  authTime: z.number().int().positive(),
});

/** Teamgate's claims from a decoded session token, or null (tokens from before server-side sessions lack them). */
export function parseSessionClaims(token: unknown): SessionClaims | null {
  const parsed = claimsSchema.safeParse(token);
  return parsed.success
    ? { userId: parsed.data.sub, sessionId: parsed.data.sid, authTime: parsed.data.authTime }
    : null;
}
