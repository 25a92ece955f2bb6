import "server-only";
import { hashInvitationToken, isWellFormedInvitationToken } from "@/lib/crypto/invitation-token";
import { db } from "@/lib/db";
import { readDatabaseNow } from "@/lib/db/database-now";
import { deriveInvitationStatus, type InvitationDisplayStatus } from "./status";

export type InvitationView =
  | { state: "invalid" }
  | {
      state: InvitationDisplayStatus;
      email: string;
      emailCanonical: string;
      language: string;
      team: { name: string; slug: string };
      role: { name: string; key: string; builtIn: boolean };
      inviter: { name: string; email: string } | null;
      /** The inviter's personal note, as stored (the page defuses it). */
      message: string | null;
      expiresAt: Date;
      /** Looked up only for a pending, unexpired invitation presented with its current link; false otherwise. */
      accountExists: boolean;
      renewalRequested: boolean;
      /** Set when the token presented is a link that "Reset link" replaced: when it was replaced. */
      replacedAt: Date | null;
    };

/**
 * What the invitee page shows. Reading never changes anything (mail scanners open links).
 * Unknown, malformed and deleted tokens all give the same "invalid" answer after the same
 * single indexed lookup; known but dead tokens (expired, withdrawn, declined, used) cost that
 * same one query, so timing tells a guesser nothing. Every token is also looked up, in parallel,
 * among the links a reset replaced: such a link shows its invitation's state like the current
 * one (withdrawn, expired …), or, while the invitation is open, that it was replaced. Only a live
 * invitation's page needs to know whether the address has an account (sign in, or sign up).
 */
export async function findInvitationByToken(token: string): Promise<InvitationView> {
  const tokenHash = hashInvitationToken(isWellFormedInvitationToken(token) ? token : `invalid:${token.slice(0, 100)}`);
  const [current, previous, now] = await Promise.all([
    db.invitation.findUnique({ where: { tokenHash }, select: viewSelect }),
    db.invitationPreviousToken.findUnique({
      where: { tokenHash },
      select: { replacedAt: true, invitation: { select: viewSelect } },
    }),
    readDatabaseNow(db),
  ]);
  const invitation = current ?? previous?.invitation;
  if (!invitation) return { state: "invalid" };
  const replacedAt = current ? null : (previous?.replacedAt ?? null);
  const state = deriveInvitationStatus(invitation, now);
  const account =
    state === "PENDING" && !replacedAt
      ? await db.user.findUnique({ where: { emailCanonical: invitation.emailCanonical }, select: { id: true } })
      : null;
  return {
    state,
    email: invitation.email,
    emailCanonical: invitation.emailCanonical,
    language: invitation.language,
    team: invitation.team,
    role: invitation.role,
    inviter: invitation.inviter,
    message: invitation.message,
    expiresAt: invitation.expiresAt,
    accountExists: !!account,
    renewalRequested: !!invitation.renewalRequestedAt,
    replacedAt,
  };
}

const viewSelect = {
  email: true,
  emailCanonical: true,
  status: true,
  expiresAt: true,
  language: true,
  renewalRequestedAt: true,
  message: true,
  team: { select: { name: true, slug: true } },
  role: { select: { name: true, key: true, builtIn: true } },
  inviter: { select: { name: true, email: true } },
} as const;
