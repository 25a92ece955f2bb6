import { z } from "zod";
import { isDomainAllowed } from "@/lib/email/parse-email";

export const JOIN_POLICIES = ["OFF", "REQUEST", "AUTO_JOIN"] as const;
export type JoinPolicy = (typeof JOIN_POLICIES)[number];

/** Suggestions per member and team, and asks per person, each an hour: enough for real use, not for spam. */
export const SUGGESTIONS_PER_MEMBER_PER_HOUR = 20;
export const ASKS_PER_USER_PER_HOUR = 10;
export const JOIN_REQUEST_WINDOW_SECONDS = 3600;
export const JOIN_REQUEST_TEXT_MAX = 500;

const optionalText = z
  .string()
  .max(JOIN_REQUEST_TEXT_MAX, `Keep it under ${JOIN_REQUEST_TEXT_MAX} characters`)
  .optional()
  .transform((value) => value?.trim() || null);

export const suggestMemberSchema = z.strictObject({
  email: z.string().trim().min(1, "Enter an email address").max(320, "Not a valid address"),
  note: optionalText,
});

export const askToJoinSchema = z.strictObject({ note: optionalText }).default({ note: null });

export const rejectJoinRequestSchema = z.strictObject({ reason: optionalText }).default({ reason: null });

export const joinPolicySchema = z.strictObject({ joinPolicy: z.enum(JOIN_POLICIES) });

/**
 * May someone whose verified address is on `domain` find and join (or ask to join) the team? Only
 * a team that names its domains: an empty list means "invitations may go anywhere", which must not
 * turn into "anyone may join".
 */
export function isJoinableDomain(domain: string, allowedDomains: readonly string[], policy: JoinPolicy): boolean {
  return policy !== "OFF" && allowedDomains.length > 0 && isDomainAllowed(domain, allowedDomains);
}
