import "server-only";
import { db } from "@/lib/db";
import { hashPasswordResetToken, isWellFormedPasswordResetToken } from "./password-reset-token";

export type PasswordResetLinkState = "valid" | "used" | "expired" | "invalid";

/**
 * What a reset link is now, for its page (a GET writes nothing): judged by the database clock.
 * A link is also "used" once any newer link of the same account was used.
 */
export async function readPasswordResetLink(
  token: string,
): Promise<{ state: PasswordResetLinkState; email: string | null }> {
  if (!isWellFormedPasswordResetToken(token)) return { state: "invalid", email: null };
  const rows = await db.$queryRaw<Array<{ used: boolean; expired: boolean; email: string }>>`
    SELECT (r."usedAt" IS NOT NULL) AS "used", (r."expiresAt" <= now()) AS "expired", u."email"
    FROM "PasswordResetToken" r JOIN "User" u ON u."id" = r."userId"
    WHERE r."tokenHash" = ${hashPasswordResetToken(token)}`;
  const row = rows[0];
  if (!row) return { state: "invalid", email: null };
  if (row.used) return { state: "used", email: null };
  if (row.expired) return { state: "expired", email: null };
  return { state: "valid", email: row.email };
}
