import { z } from "zod";

export const memberTargetSchema = z.strictObject({
  teamSlug: z.string().min(1).max(64),
  membershipId: z.string().max(64),
});
export const membersPath = (input: { teamSlug: string }) => `/teams/${input.teamSlug}/settings/members`;
