import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { fail } from "@/lib/result";
import { zodFailure } from "@/lib/validation/zod-failure";
import { NOT_FOUND } from "./answer-refusals";
import { declineAsInvitee } from "./decline-as-invitee";
import { declineInvitationSchema, invitationIdSchema } from "./schemas";

/** The signed-in invitee's own received invitation, by id; `input` is the client's `{ reason? }`, parsed here. */
export async function declineInvitationById(actor: Actor | null, invitationId: string, input: unknown = {}) {
  if (!actor) return fail("UNAUTHENTICATED", "Sign in to continue.");
  if (!invitationIdSchema.safeParse(invitationId).success) return fail("NOT_FOUND", NOT_FOUND);
  const parsed = declineInvitationSchema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  return declineAsInvitee(actor, { by: "id", id: invitationId }, parsed.data.reason);
}
