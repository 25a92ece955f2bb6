import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { readDatabaseNow } from "@/lib/db/database-now";
import { can, canGrantRole } from "@/lib/permissions/can";
import { fail, type Failure } from "@/lib/result";
import { abortTransaction, failureOnAbort } from "./transaction-abort";

type Tx = Prisma.TransactionClient;

export type AcceptSuccess = {
  ok: true;
  invitationId: string;
  team: { id: string; name: string; slug: string };
  role: { name: string };
  alreadyMember: boolean;
};

const invitationForResponse = {
  id: true,
  teamId: true,
  email: true,
  emailCanonical: true,
  status: true,
  expiresAt: true,
  responderId: true,
  inviterId: true,
  role: { select: { id: true, name: true, rank: true } },
  team: { select: { id: true, name: true, slug: true, seatLimit: true } },
  groups: { select: { groupId: true } },
} satisfies Prisma.InvitationSelect;

type InvitationForResponse = Prisma.InvitationGetPayload<{ select: typeof invitationForResponse }>;

export function describeDeadInvitation(invitation: { status: string; expiresAt: Date; team: { name: string } }, now: Date): Failure {
  if (invitation.status === "ACCEPTED") return fail("GONE", "This invitation has already been used.");
  if (invitation.status === "DECLINED") return fail("GONE", "This invitation was declined.");
  if (invitation.status === "WITHDRAWN") return fail("GONE", `This invitation was withdrawn by ${invitation.team.name}.`);
  if (invitation.expiresAt.getTime() <= now.getTime()) {
    return fail("GONE", `This invitation has expired. Ask an admin of ${invitation.team.name} to send a new one.`);
  }
  return fail("CONFLICT", "This invitation can't be answered right now.");
}

export type AcceptOptions = {
  /** Accepting by id proves nothing about the inbox (a token does), so the account's address must be verified. */
  requireVerifiedEmail?: boolean;
};

/**
 * Accepts inside one transaction: the invitation flips PENDING → ACCEPTED only if it is
 * still pending and unexpired on the database clock, the inviter can still grant the role,
 * and the seat limit holds; then the membership (unique per team and user) is created.
 */
export async function acceptInvitationWhere(
  userId: string,
  where: InvitationWhere,
  notFoundMessage: string,
  options: AcceptOptions = {},
): Promise<AcceptSuccess | Failure> {
  return failureOnAbort(() => db.$transaction((tx) => acceptInvitationInTransaction(tx, userId, where, notFoundMessage, options)));
}

type InvitationWhere = Prisma.InvitationWhereInput | ((user: { emailCanonical: string }) => Prisma.InvitationWhereInput);

/**
 * The accept itself, for callers that own the transaction (sign-up creates the account in
 * the same one). Every refusal throws a TransactionAbort, so the caller's writes roll back too.
 */
export async function acceptInvitationInTransaction(
  tx: Tx,
  userId: string,
  where: InvitationWhere,
  notFoundMessage: string,
  options: AcceptOptions = {},
): Promise<AcceptSuccess> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, emailCanonical: true, emailVerifiedAt: true } });
  if (!user) abortTransaction(fail("UNAUTHENTICATED", "Sign in to continue."));
  if (options.requireVerifiedEmail && !user.emailVerifiedAt) {
    abortTransaction(fail("FORBIDDEN", "Confirm your email address first, or answer with the link in the invitation email."));
  }
  const invitation = await tx.invitation.findFirst({ where: typeof where === "function" ? where(user) : where, select: invitationForResponse });
  if (!invitation) abortTransaction(fail("NOT_FOUND", notFoundMessage));
  if (invitation.emailCanonical !== user.emailCanonical) {
    abortTransaction(fail("FORBIDDEN", `This invitation is for ${invitation.email}; you are signed in as ${user.email}.`));
  }
  if (invitation.status === "ACCEPTED" && invitation.responderId === user.id) return success(invitation, true);

  const now = await readDatabaseNow(tx);
  if (invitation.status !== "PENDING" || invitation.expiresAt <= now) abortTransaction(describeDeadInvitation(invitation, now));

  const roleCheck = await checkInviterCanStillGrant(tx, invitation);
  if (roleCheck) abortTransaction(roleCheck);

  // Without a seat limit the insert below finds an existing membership itself (ON CONFLICT).
  const existing =
    invitation.team.seatLimit === null
      ? null
      : await tx.membership.findUnique({ where: { teamId_userId: { teamId: invitation.teamId, userId: user.id } }, select: { id: true } });
  if (!existing && invitation.team.seatLimit !== null) {
    await tx.$queryRaw`SELECT id FROM "Team" WHERE id = ${invitation.teamId}::uuid FOR UPDATE`;
    const members = await tx.membership.count({ where: { teamId: invitation.teamId } });
    if (members >= invitation.team.seatLimit) {
      abortTransaction(fail("LIMIT_REACHED", `${invitation.team.name} has no free seats. Ask an admin to make room, then accept again.`));
    }
  }

  const changed = await tx.$executeRaw`
    UPDATE "Invitation"
    SET "status" = 'ACCEPTED', "pendingKey" = NULL, "respondedAt" = now(), "responderId" = ${user.id}::uuid, "updatedAt" = now()
    WHERE "id" = ${invitation.id}::uuid AND "status" = 'PENDING' AND "expiresAt" > now()`;
  if (changed === 0) {
    const current = await tx.invitation.findUnique({ where: { id: invitation.id }, select: { status: true, expiresAt: true } });
    if (!current) abortTransaction(fail("NOT_FOUND", notFoundMessage));
    abortTransaction(describeDeadInvitation({ ...current, team: invitation.team }, await readDatabaseNow(tx)));
  }

  let alreadyMember = !!existing;
  let membershipId = existing?.id;
  if (!existing) {
    const inserted = await tx.$queryRaw<Array<{ id: string }>>`
      INSERT INTO "Membership" ("id", "teamId", "userId", "roleId", "joinedAt")
      VALUES (gen_random_uuid(), ${invitation.teamId}::uuid, ${user.id}::uuid, ${invitation.role.id}::uuid, now())
      ON CONFLICT ("teamId", "userId") DO NOTHING
      RETURNING "id"`;
    membershipId = inserted[0]?.id;
    alreadyMember = !membershipId;
  }
  if (!alreadyMember && membershipId && invitation.groups.length > 0) {
    await tx.membershipGroup.createMany({
      data: invitation.groups.map((g) => ({ membershipId: membershipId!, groupId: g.groupId })),
      skipDuplicates: true,
    });
  }
  await recordAuditEvents(tx, [
    {
      teamId: invitation.teamId,
      actorId: user.id,
      action: "invitation.accepted",
      targetType: "invitation",
      targetId: invitation.id,
      metadata: { email: invitation.email, role: invitation.role.name, alreadyMember },
    },
    ...(alreadyMember
      ? []
      : [{ teamId: invitation.teamId, actorId: user.id, action: "member.joined", targetType: "membership", targetId: membershipId ?? null, metadata: { role: invitation.role.name, invitationId: invitation.id } }]),
  ]);
  return success(invitation, alreadyMember);
}

function success(invitation: InvitationForResponse, alreadyMember: boolean): AcceptSuccess {
  return {
    ok: true,
    invitationId: invitation.id,
    team: { id: invitation.team.id, name: invitation.team.name, slug: invitation.team.slug },
    role: { name: invitation.role.name },
    alreadyMember,
  };
}

/** The inviter may have lost members.manage, been demoted, or left since sending. */
async function checkInviterCanStillGrant(tx: Tx, invitation: InvitationForResponse): Promise<Failure | null> {
  const refusal = fail(
    "FORBIDDEN",
    `This invitation can no longer grant the ${invitation.role.name} role because the person who sent it can't grant it anymore. Ask an admin of ${invitation.team.name} to invite you again.`,
  );
  if (!invitation.inviterId) return refusal;
  const inviter = await tx.membership.findUnique({
    where: { teamId_userId: { teamId: invitation.teamId, userId: invitation.inviterId } },
    select: { role: { select: { rank: true, permissions: true } } },
  });
  if (!inviter || !can(inviter.role, "members.manage") || !canGrantRole(inviter.role, invitation.role)) return refusal;
  return null;
}

/** Declines a pending, unexpired invitation (conditional on both, on the database clock). */
export async function declineInvitationWhere(
  actorId: string | null,
  where: Prisma.InvitationWhereInput,
  reason: string | undefined,
  notFoundMessage: string,
) {
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({
      where,
      select: { id: true, teamId: true, email: true, status: true, expiresAt: true, team: { select: { name: true } } },
    });
    if (!invitation) return fail("NOT_FOUND", notFoundMessage);
    const changed = await tx.$executeRaw`
      UPDATE "Invitation"
      SET "status" = 'DECLINED', "pendingKey" = NULL, "respondedAt" = now(), "responderId" = ${actorId}::uuid,
          "declineReason" = ${reason ?? null}, "updatedAt" = now()
      WHERE "id" = ${invitation.id}::uuid AND "status" = 'PENDING' AND "expiresAt" > now()`;
    if (changed === 0) {
      const current = await tx.invitation.findUnique({ where: { id: invitation.id }, select: { status: true, expiresAt: true } });
      return current ? describeDeadInvitation({ ...current, team: invitation.team }, await readDatabaseNow(tx)) : fail("NOT_FOUND", notFoundMessage);
    }
    await recordAuditEvents(tx, [
      {
        teamId: invitation.teamId,
        actorId,
        action: "invitation.declined",
        targetType: "invitation",
        targetId: invitation.id,
        metadata: { email: invitation.email, ...(reason ? { reason } : {}) },
      },
    ]);
    return { ok: true as const, invitationId: invitation.id, team: { name: invitation.team.name } };
  });
}
