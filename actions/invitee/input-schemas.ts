import { z } from "zod";

export const tokenSchema = z.string().min(1).max(200);
export const receivedInvitationSchema = z.strictObject({
  invitationId: z.string().max(64),
  reason: z.unknown().optional(),
});
