import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { teamHasWebhooksSql } from "@/lib/webhooks/queue-webhook-event";
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
  team: { id: string; name: string; slug: string; seatLimit: number | null; hasWebhooks: boolean };
  role: { name: string };
};

type Row = Omit<InvitationToAnswer, "team" | "role"> & {
  teamId: string;
  teamName: string;
  teamSlug: string;
  seatLimit: number | null;
  hasWebhooks: boolean;
  roleName: string;
};

/**
 * The invitation an invitee is answering, read without a lock before the transaction: what it
 * shows decides the cheap refusals, and the transaction's conditional write decides the rest.
 * One flat statement (every accept and decline reads it first).
 */
export async function readInvitationToAnswer(target: AnswerTarget): Promise<InvitationToAnswer | null> {
  const where =
    target.by === "token" ? Prisma.sql`i."tokenHash" = ${target.tokenHash}` : Prisma.sql`i."id" = ${target.id}::uuid`;
  const rows = await db.$queryRaw<Row[]>`
    SELECT i."id"::text AS "id", i."email", i."emailCanonical", i."status"::text AS "status", i."expiresAt",
      i."responderId"::text AS "responderId", i."language",
      t."id"::text AS "teamId", t."name" AS "teamName", t."slug" AS "teamSlug", t."seatLimit", r."name" AS "roleName",
      ${teamHasWebhooksSql(Prisma.sql`t."id"`)} AS "hasWebhooks"
    FROM "Invitation" i
    JOIN "Team" t ON t."id" = i."teamId"
    JOIN "Role" r ON r."id" = i."roleId"
    WHERE ${where}
    LIMIT 1`;
  const row = rows[0];
  if (!row) return null;
  const { teamId, teamName, teamSlug, seatLimit, hasWebhooks, roleName, ...invitation } = row;
  return {
    ...invitation,
    team: { id: teamId, name: teamName, slug: teamSlug, seatLimit, hasWebhooks },
    role: { name: roleName },
  };
}
