import { z } from "zod";

export const teamSlugSchema = z.string().min(1).max(64);
export const invitationTargetSchema = z.strictObject({ teamSlug: teamSlugSchema, invitationId: z.string().max(64) });
export const invitationsPath = (input: { teamSlug: string }) => `/teams/${input.teamSlug}/settings/invitations`;
