import { z } from "zod";

export const teamSlugSchema = z.string().min(1).max(64);
export const joinRequestTargetSchema = z.strictObject({ teamSlug: teamSlugSchema, requestId: z.string().max(64) });
export const requestsPaths = ({ teamSlug }: { teamSlug: string }) => [
  `/teams/${teamSlug}/settings/requests`,
  `/teams/${teamSlug}/settings/invitations`,
  `/teams/${teamSlug}/settings/members`,
];
