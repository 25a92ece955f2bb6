import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  membershipRowSql,
  rememberMembership,
  toMembership,
  type MembershipRow,
  type TeamRef,
} from "@/lib/teams/authorize-team";
import { API_KEY_PREFIX, hashApiKey } from "./api-key-secret";

type KeyRow = { id: string; userId: string; scopes: string[]; membership?: MembershipRow | null };

/**
 * The actor behind `Authorization: Bearer <key>`, or null for a missing, unknown, expired or
 * revoked key. Expiry is judged by the database clock; lastUsedAt is written at most once a
 * minute (in the same statement), so a busy key does not turn every read into a write. With the
 * team a request's path names, the key's user's membership of it is read in the same statement,
 * for the team guard (authorizeTeam) to use instead of a round trip of its own.
 */
export async function authenticateApiKey(authorization: string | null, team?: TeamRef): Promise<Actor | null> {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  const key = match?.[1];
  if (!key || !key.startsWith(API_KEY_PREFIX) || key.length > 200) return null;
  const rows = await db.$queryRaw<KeyRow[]>`
    WITH live AS (
      SELECT "id", "userId", "scopes", "lastUsedAt" FROM "ApiKey"
      WHERE "keyHash" = ${hashApiKey(key)} AND "revokedAt" IS NULL AND ("expiresAt" IS NULL OR "expiresAt" > now())
    ), touched AS (
      UPDATE "ApiKey" SET "lastUsedAt" = now() FROM live
      WHERE "ApiKey"."id" = live."id" AND (live."lastUsedAt" IS NULL OR live."lastUsedAt" <= now() - interval '1 minute')
    )
    SELECT "id"::text AS "id", "userId"::text AS "userId", "scopes"
      ${
        team
          ? Prisma.sql`, (SELECT row_to_json(member) FROM (${membershipRowSql(
              Prisma.sql`live."userId"`,
              "teamId" in team ? team.teamId : null,
              "slug" in team ? team.slug : null,
            )}) member) AS "membership"`
          : Prisma.empty
      }
    FROM live`;
  const apiKey = rows[0];
  if (!apiKey) return null;
  const actor: Actor = { kind: "api-key", userId: apiKey.userId, apiKeyId: apiKey.id, scopes: apiKey.scopes };
  if (team) rememberMembership(actor, team, toMembership(apiKey.membership));
  return actor;
}
