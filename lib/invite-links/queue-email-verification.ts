import "server-only";
import { randomUUID } from "node:crypto";
import { deriveEmailVerificationToken, hashEmailVerificationToken } from "@/lib/auth/email-verification-token";
import type { Tx } from "@/lib/db/run-transaction";
import { INVITE_LINK_POLICY as POLICY } from "./invite-link-policy";

export const EMAIL_VERIFICATION_KIND = "email_verification";

/**
 * A confirmation link for an account created through an invite link, and its email, in the
 * caller's transaction. The token is derived from the row's id when the email is sent (the
 * outbox row carries only the id), so it is stored nowhere.
 */
export async function queueEmailVerification(
  tx: Tx,
  request: { userId: string; inviteLinkId: string; to: string; language: string },
): Promise<void> {
  const id = randomUUID();
  await tx.$executeRaw`
    WITH verification AS (
      INSERT INTO "EmailVerification" ("id", "userId", "inviteLinkId", "tokenHash", "expiresAt")
      VALUES (${id}::uuid, ${request.userId}::uuid, ${request.inviteLinkId}::uuid,
        ${hashEmailVerificationToken(deriveEmailVerificationToken(id))}, now() + make_interval(hours => ${POLICY.verificationHours}::int))
      RETURNING "id"
    )
    INSERT INTO "EmailOutbox" ("id", "kind", "to", "payload", "idempotencyKey")
    SELECT gen_random_uuid(), ${EMAIL_VERIFICATION_KIND}, ${request.to},
      jsonb_build_object('verificationId', verification."id"::text, 'language', ${request.language}::text),
      'email-verification/' || verification."id"::text
    FROM verification`;
}
