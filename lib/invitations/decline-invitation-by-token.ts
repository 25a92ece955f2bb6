import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { hashInvitationToken, isWellFormedInvitationToken } from "@/lib/crypto/invitation-token";
import { fail } from "@/lib/result";
import { zodFailure } from "@/lib/validation/zod-failure";
import { INVALID_LINK } from "./answer-refusals";
import { declineAsInvitee } from "./decline-as-invitee";
import { declineInvitationSchema } from "./schemas";

/** The invitee, or anyone signed out holding the link; `input` is the client's `{ reason? }`, parsed here. */
export async function declineInvitationByToken(actor: Actor | null, token: string, input: unknown = {}) {
  if (!isWellFormedInvitationToken(token)) return fail("NOT_FOUND", INVALID_LINK);
  const parsed = declineInvitationSchema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  return declineAsInvitee(actor, { by: "token", tokenHash: hashInvitationToken(token) }, parsed.data.reason);
}
