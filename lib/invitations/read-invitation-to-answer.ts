import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { teamHasWebhooksSql } from "@/lib/webhooks/queue-webhook-event";
import type { RoleLike } from "@/lib/permissions/can";
import type { StoredStatus } from "./status";

/** How the invitee names the invitation: the link's token, or its id (received invitations, the API). */
export type AnswerTarget = { by: "token"; tokenHash: string } | { by: "id"; id: string };

export type InvitationToAnswer = {
  id: string;
  email: string;
  emailCanonical: string;
  status: StoredStatus;
  expiresAt: Date;
  responderId: string | null;
  language: string;
  /** The row's version (`xmin`) as read: the accept writes only if it is still this one. */
  version: string;
  team: { id: string; name: string; slug: string; seatLimit: number | null; hasWebhooks: boolean };
  role: { id: string; name: string; rank: number };
  /** Who sent it, and the role they hold in the team now; null when they are no longer a member. */
  inviter: { id: string; roleId: string; role: RoleLike } | null;
};

/** The signed-in account answering, as the refusals compare it with the invitation. */
export type Invitee = { id: string; email: string; emailCanonical: string; emailVerifiedAt: Date | null };

type Row = Partial<Omit<InvitationToAnswer, "team" | "role" | "inviter">> & {
  teamId: string | null;
  teamName: string;
  teamSlug: string;
  seatLimit: number | null;
  hasWebhooks: boolean;
  roleId: string;
  roleName: string;
  roleRank: number;
  inviterId: string | null;
  inviterRoleId: string | null;
  inviterRank: number | null;
  inviterPermissions: string[] | null;
  inviteeId: string | null;
  inviteeEmail: string;
  inviteeEmailCanonical: string;
  inviteeEmailVerifiedAt: Date | null;
};

/**
 * The invitation an invitee is answering, and the account answering it (when signed in), read
 * without a lock before the write: what they show decides the refusals (the inviter's right to
 * grant the role among them), and the accept's conditional write proves the read still holds. One flat statement (every accept and decline
 * reads it first).
 */
export async function readAnswerParties(
  userId: string | null,
  target: AnswerTarget,
): Promise<{ invitee: Invitee | null; invitation: InvitationToAnswer | null }> {
  const where =
    target.by === "token" ? Prisma.sql`i."tokenHash" = ${target.tokenHash}` : Prisma.sql`i."id" = ${target.id}::uuid`;
  const rows = await db.$queryRaw<Row[]>`
    SELECT inv.*, u."id"::text AS "inviteeId", u."email" AS "inviteeEmail", u."emailCanonical" AS "inviteeEmailCanonical",
      u."emailVerifiedAt" AS "inviteeEmailVerifiedAt"
    FROM (SELECT 1) AS one
    LEFT JOIN "User" u ON u."id" = ${userId}::uuid
    LEFT JOIN LATERAL (
      SELECT i."id"::text AS "id", i."email", i."emailCanonical", i."status"::text AS "status", i."expiresAt",
        i."responderId"::text AS "responderId", i."language", i."xmin"::text AS "version",
        t."id"::text AS "teamId", t."name" AS "teamName", t."slug" AS "teamSlug", t."seatLimit",
        r."id"::text AS "roleId", r."name" AS "roleName", r."rank" AS "roleRank",
        i."inviterId"::text AS "inviterId", im."roleId"::text AS "inviterRoleId", ir."rank" AS "inviterRank",
        ir."permissions" AS "inviterPermissions",
        ${teamHasWebhooksSql(Prisma.sql`t."id"`)} AS "hasWebhooks"
      FROM "Invitation" i
      JOIN "Team" t ON t."id" = i."teamId"
      JOIN "Role" r ON r."id" = i."roleId"
      LEFT JOIN "Membership" im ON im."teamId" = i."teamId" AND im."userId" = i."inviterId"
      LEFT JOIN "Role" ir ON ir."id" = im."roleId"
      WHERE ${where}
      LIMIT 1
    ) AS inv ON true`;
  const row = rows[0]!;
  const {
    teamId,
    teamName,
    teamSlug,
    seatLimit,
    hasWebhooks,
    roleId,
    roleName,
    roleRank,
    inviterId,
    inviterRoleId,
    inviterRank,
    inviterPermissions,
    inviteeId,
    inviteeEmail,
    inviteeEmailCanonical,
    inviteeEmailVerifiedAt,
    ...invitation
  } = row;
  return {
    invitee: inviteeId
      ? {
          id: inviteeId,
          email: inviteeEmail,
          emailCanonical: inviteeEmailCanonical,
          emailVerifiedAt: inviteeEmailVerifiedAt,
        }
      : null,
    invitation: teamId
      ? {
          ...(invitation as Omit<InvitationToAnswer, "team" | "role" | "inviter">),
          team: { id: teamId, name: teamName, slug: teamSlug, seatLimit, hasWebhooks },
          role: { id: roleId, name: roleName, rank: roleRank },
          inviter:
            inviterId && inviterRoleId && inviterRank !== null
              ? {
                  id: inviterId,
                  roleId: inviterRoleId,
                  role: { rank: inviterRank, permissions: inviterPermissions ?? [] },
                }
              : null,
        }
      : null,
  };
}

/** The invitation alone (answering while signed out: signing up through it). */
export async function readInvitationToAnswer(target: AnswerTarget): Promise<InvitationToAnswer | null> {
  return (await readAnswerParties(null, target)).invitation;
}
