import "server-only";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/auth/actor";
import {
  buildInviteLinkUrl,
  generateInviteLinkToken,
  hashInviteLinkToken,
  sealInviteLinkToken,
} from "@/lib/crypto/invite-link-token";
import { db } from "@/lib/db";
import { runTransaction } from "@/lib/db/run-transaction";
import { abortTransaction } from "@/lib/db/transaction-abort";
import { canGrantRole } from "@/lib/permissions/can";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { fail } from "@/lib/result";
import { authorizeTeam, type TeamRef } from "@/lib/teams/authorize-team";
import { isUuid } from "@/lib/validation/uuid";
import { zodFailure } from "@/lib/validation/zod-failure";
import { INVITE_LINK_POLICY as POLICY } from "./invite-link-policy";
import { createInviteLinkSchema } from "./invite-link-schemas";
import { readInviteLinkDtos } from "./read-invite-link-dtos";

/**
 * A new shareable link (members.manage). Its role may not be above the creator's own
 * (`canGrantRole`, checked again at every join). The URL is returned here, once per request, and
 * otherwise only through "copy link"; the database holds the token's hash and a sealed copy.
 * Expiry is set on the database clock. The creator's hourly quota is the transaction's last statement.
 */
export async function createInviteLink(actor: Actor | null, team: TeamRef, input: unknown) {
  const access = await authorizeTeam(db, actor, team, "members.manage");
  if (!access.ok) return access;
  const parsed = createInviteLinkSchema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  const { allowedDomain, maxUses, expiresInDays } = parsed.data;
  const role = await db.role.findFirst({
    where: {
      teamId: access.team.id,
      ...(isUuid(parsed.data.role) ? { id: parsed.data.role } : { key: parsed.data.role }),
    },
    select: { id: true, name: true, rank: true },
  });
  if (!role) return fail("INVALID", "Choose one of the team's roles.", { fieldErrors: { role: ["Unknown role"] } });
  if (!canGrantRole(access.role, role))
    return fail("FORBIDDEN", `You can't create a link for the ${role.name} role: it is above your own.`);

  const token = generateInviteLinkToken();
  const created = await runTransaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ id: string }>>`
      INSERT INTO "InviteLink" ("id", "teamId", "roleId", "creatorId", "tokenHash", "tokenSealed", "allowedDomain", "maxUses", "expiresAt")
      VALUES (gen_random_uuid(), ${access.team.id}::uuid, ${role.id}::uuid, ${access.membership.userId}::uuid,
        ${hashInviteLinkToken(token)}, ${sealInviteLinkToken(token)}, ${allowedDomain}, ${maxUses}::int,
        now() + make_interval(days => ${expiresInDays}::int))
      RETURNING "id"::text AS "id"`;
    const id = rows[0]!.id;
    await recordAuditEvents(tx, [
      {
        teamId: access.team.id,
        actorId: access.membership.userId,
        action: "invite_link.created",
        targetType: "invite_link",
        targetId: id,
        metadata: { role: role.name, allowedDomain, maxUses, expiresInDays },
      },
    ]);
    const quota = await consumeRateLimit(tx, {
      key: `invite-link-create:${access.team.id}:${access.membership.userId}`,
      limit: POLICY.createsPerHour,
      windowSeconds: 3600,
    });
    if (!quota.allowed) {
      const minutes = Math.ceil(quota.resetSeconds / 60);
      abortTransaction(
        fail("RATE_LIMITED", `You have created too many links this hour. Try again in ${minutes} min.`, {
          retryAfterSeconds: quota.resetSeconds,
        }),
      );
    }
    const [link] = await readInviteLinkDtos(tx, access.team.id, id);
    return { ok: true as const, link: link! };
  });
  return created.ok ? { ...created, url: buildInviteLinkUrl(token) } : created;
}
