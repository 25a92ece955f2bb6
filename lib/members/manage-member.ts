import "server-only";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import { revokeSessionsOfTeamlessUser } from "@/lib/auth/revoke-sessions-of-teamless-user";
import { db } from "@/lib/db";
import { runTransaction, type Tx } from "@/lib/db/run-transaction";
import { signalOutbox } from "@/lib/email/outbox-signal";
import { canGrantRole, canManageMember } from "@/lib/permissions/can";
import { fail, type Failure } from "@/lib/result";
import { authorizeTeam, type TeamAccess, type TeamRef } from "@/lib/teams/authorize-team";
import { isUuid } from "@/lib/validation/uuid";
import { queueWebhookEvent } from "@/lib/webhooks/queue-webhook-event";
import { lockTeamSeats } from "./lock-team-seats";

type Target = {
  id: string;
  userId: string;
  role: { id: string; key: string; name: string; rank: number };
  user: { email: string };
};

/**
 * Runs a change to one member inside a transaction that holds the team's row lock (the first lock,
 * as everywhere), so two admins demoting the last two owners at once cannot leave the team
 * without one, and a removal cannot race a seat check.
 */
async function withManagedMember<T extends object>(
  actor: Actor | null,
  team: TeamRef,
  membershipId: string,
  change: (tx: Tx, access: TeamAccess, target: Target) => Promise<({ ok: true } & T) | Failure>,
) {
  const access = await authorizeTeam(db, actor, team, "members.manage");
  if (!access.ok) return access;
  if (!isUuid(membershipId)) return fail("NOT_FOUND", "Member not found.");
  return runTransaction(async (tx) => {
    await lockTeamSeats(tx, access.team.id);
    const target = await tx.membership.findFirst({
      where: { id: membershipId, teamId: access.team.id },
      select: {
        id: true,
        userId: true,
        role: { select: { id: true, key: true, name: true, rank: true } },
        user: { select: { email: true } },
      },
    });
    if (!target) return fail("NOT_FOUND", "Member not found.");
    if (!canManageMember(access.role, target.role))
      return fail("FORBIDDEN", `Only someone whose role is at least ${target.role.name} can change this member.`);
    return change(tx, access, target);
  });
}

async function isLastOwner(tx: Tx, teamId: string, target: Target): Promise<boolean> {
  if (target.role.key !== "owner") return false;
  const owners = await tx.membership.count({ where: { teamId, role: { key: "owner" } } });
  return owners <= 1;
}

export async function changeMemberRole(actor: Actor | null, team: TeamRef, membershipId: string, roleId: string) {
  return withManagedMember(actor, team, membershipId, async (tx, access, target) => {
    const role = isUuid(roleId)
      ? await tx.role.findFirst({
          where: { id: roleId, teamId: access.team.id },
          select: { id: true, key: true, name: true, rank: true },
        })
      : null;
    if (!role)
      return fail("INVALID", "Choose a role that exists in this team.", { fieldErrors: { roleId: ["Unknown role"] } });
    if (!canGrantRole(access.role, role))
      return fail("FORBIDDEN", `You can't grant ${role.name}: it is above your own role.`);
    if (role.id === target.role.id) return { ok: true as const, role: { name: role.name } };
    if (role.key !== "owner" && (await isLastOwner(tx, access.team.id, target))) {
      return fail("CONFLICT", "A team needs at least one owner. Make someone else an owner first.");
    }
    await tx.membership.update({ where: { id: target.id }, data: { roleId: role.id } });
    await recordAuditEvents(tx, [
      {
        teamId: access.team.id,
        actorId: access.membership.userId,
        action: "member.role_changed",
        targetType: "membership",
        targetId: target.id,
        metadata: { email: target.user.email, from: target.role.name, to: role.name },
      },
    ]);
    return { ok: true as const, role: { name: role.name } };
  });
}

export async function removeMember(actor: Actor | null, team: TeamRef, membershipId: string) {
  const removed = await withManagedMember(actor, team, membershipId, async (tx, access, target) => {
    if (await isLastOwner(tx, access.team.id, target)) {
      return fail("CONFLICT", "The last owner can't be removed. Make someone else an owner first.");
    }
    await tx.membership.delete({ where: { id: target.id } });
    await revokeSessionsOfTeamlessUser(tx, target.userId);
    await recordAuditEvents(tx, [
      {
        teamId: access.team.id,
        actorId: access.membership.userId,
        action: "member.removed",
        targetType: "membership",
        targetId: target.id,
        metadata: { email: target.user.email, role: target.role.name },
      },
    ]);
    await queueWebhookEvent(tx, access.team.id, "member.removed", {
      teamId: access.team.id,
      membership: { id: target.id, userId: target.userId, roleId: target.role.id, email: target.user.email },
    });
    return { ok: true as const };
  });
  // Wakes the sender for the webhook event queued with the removal.
  if (removed.ok) signalOutbox();
  return removed;
}
