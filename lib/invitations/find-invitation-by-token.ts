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
      expiresAt: Date;
      /** Looked up only for a pending, unexpired invitation; false otherwise. */
      accountExists: boolean;
      renewalRequested: boolean;
    };

/**
 * What the invitee page shows. Reading never changes anything (mail scanners open links).
 * Unknown, malformed and deleted tokens all give the same "invalid" answer after the same
 * single indexed lookup; known but dead tokens (expired, withdrawn, declined, used) cost that
 * same one query, so timing tells a guesser nothing. Only a live invitation's page needs to
 * know whether the address has an account (sign in, or sign up).
 */
export async function findInvitationByToken(token: string): Promise<InvitationView> {
  const tokenHash = hashInvitationToken(isWellFormedInvitationToken(token) ? token : `invalid:${token.slice(0, 100)}`);
  const [invitation, now] = await Promise.all([
    db.invitation.findUnique({
      where: { tokenHash },
      select: {
        email: true,
        emailCanonical: true,
        status: true,
        expiresAt: true,
        language: true,
        renewalRequestedAt: true,
        team: { select: { name: true, slug: true } },
        role: { select: { name: true, key: true, builtIn: true } },
        inviter: { select: { name: true, email: true } },
      },
    }),
    readDatabaseNow(db),
  ]);
  if (!invitation) return { state: "invalid" };
  const state = deriveInvitationStatus(invitation, now);
  const account =
    state === "PENDING" ? await db.user.findUnique({ where: { emailCanonical: invitation.emailCanonical }, select: { id: true } }) : null;
  return {
    state,
    email: invitation.email,
    emailCanonical: invitation.emailCanonical,
    language: invitation.language,
    team: invitation.team,
    role: invitation.role,
    inviter: invitation.inviter,
    expiresAt: invitation.expiresAt,
    accountExists: !!account,
    renewalRequested: !!invitation.renewalRequestedAt,
  };
}
