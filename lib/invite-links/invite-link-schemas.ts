import { z } from "zod";
import { uuidSchema } from "@/lib/validation/uuid";
import { INVITE_LINK_POLICY as POLICY } from "./invite-link-policy";

/** A bare domain, lower-cased ("example.com"), or nothing for any address. */
const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value) => value.replace(/^@/, ""))
  .pipe(
    z
      .string()
      .max(253, "Enter a shorter domain")
      .regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "Enter a domain such as example.com"),
  );

export const createInviteLinkSchema = z.strictObject({
  role: z.string().trim().min(1, "Choose a role").max(64).describe("Role id or key (owner, admin, member)"),
  allowedDomain: z
    .union([z.literal(""), z.null(), domainSchema])
    .optional()
    .transform((value) => value || null),
  maxUses: z.coerce
    .number()
    .int("Enter a whole number")
    .min(1, "At least one use")
    .max(POLICY.maxUses, `At most ${POLICY.maxUses} uses`),
  expiresInDays: z.coerce
    .number()
    .int("Enter a whole number of days")
    .min(POLICY.minDays, `At least ${POLICY.minDays} day`)
    .max(POLICY.maxDays, `At most ${POLICY.maxDays} days`),
});

export type CreateInviteLinkInput = z.output<typeof createInviteLinkSchema>;

export const inviteLinkIdSchema = uuidSchema;
