import { z } from "zod";
import { invitationListQuerySchema } from "./schemas";

/**
 * One bulk operation touches at most this many invitations. "All matching the filter" past it is
 * refused with a message asking for a narrower filter, rather than half done: each invitation runs
 * through its own single-invitation rule and transaction, and 1,000 of them stay within seconds.
 */
export const BULK_INVITATION_LIMIT = 1000;
/** Explicitly chosen rows come from one table page (at most 100); the API may name up to this many. */
export const BULK_INVITATION_IDS_LIMIT = 100;
/** Bulk operations per member and team per hour, on top of the per-invitation and per-recipient limits. */
export const BULK_OPERATIONS_PER_HOUR = 30;

export const BULK_INVITATION_ACTIONS = ["resend", "withdraw", "delete"] as const;
export type BulkInvitationAction = (typeof BULK_INVITATION_ACTIONS)[number];

/** The list's own filter fields, parsed by the list's schema: "all matching" means what the table shows. */
export const bulkInvitationFilterSchema = invitationListQuerySchema.pick({
  status: true,
  role: true,
  inviter: true,
  q: true,
});
export type BulkInvitationFilter = z.output<typeof bulkInvitationFilterSchema>;

export const bulkInvitationTargetSchema = z.union([
  z.strictObject({
    ids: z
      .array(z.uuid({ version: "v4", message: "Must be a valid id" }))
      .min(1, "Select at least one invitation")
      .max(BULK_INVITATION_IDS_LIMIT, `At most ${BULK_INVITATION_IDS_LIMIT} ids per request`),
  }),
  z.strictObject({ filter: bulkInvitationFilterSchema }),
]);
export type BulkInvitationTarget = z.output<typeof bulkInvitationTargetSchema>;

export const bulkInvitationSchema = z.strictObject({
  action: z.enum(BULK_INVITATION_ACTIONS),
  target: bulkInvitationTargetSchema,
});
export type BulkInvitationInput = z.input<typeof bulkInvitationSchema>;
