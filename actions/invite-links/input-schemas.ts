import { z } from "zod";

export const teamSlugSchema = z.string().min(1).max(64);
export const inviteLinkTargetSchema = z.strictObject({ teamSlug: teamSlugSchema, linkId: z.string().max(64) });
export const linkTokenSchema = z.string().min(1).max(200);
export const inviteLinksPath = (input: { teamSlug: string }) => `/teams/${input.teamSlug}/settings/invite-links`;
