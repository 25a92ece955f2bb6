import "server-only";
import { buildEmailVerificationUrl, deriveEmailVerificationToken } from "@/lib/auth/email-verification-token";
import { db } from "@/lib/db";
import { INVITE_LINK_POLICY } from "@/lib/invite-links/invite-link-policy";
import type { RenderedEmail } from "./render-invitation-email";
import { renderEmailVerification } from "./render-email-verification";

/**
 * A confirmation email, rendered when it is sent: the token is rebuilt from the row's id (it is
 * stored nowhere), to the account's own address. A link already used or expired is not sent.
 */
export async function prepareEmailVerification(
  payload: { verificationId?: string; language?: string } | null,
  now: Date,
): Promise<(RenderedEmail & { to: string }) | { skip: string }> {
  const id = payload?.verificationId;
  if (!id) return { skip: "No confirmation link attached" };
  const verification = await db.emailVerification.findUnique({
    where: { id },
    select: { id: true, usedAt: true, expiresAt: true, user: { select: { email: true } } },
  });
  if (!verification) return { skip: "Confirmation link deleted" };
  if (verification.usedAt) return { skip: "Confirmation link already used" };
  if (verification.expiresAt <= now) return { skip: "Confirmation link expired before it could be sent" };
  const rendered = await renderEmailVerification({
    language: payload?.language ?? "en",
    to: verification.user.email,
    url: buildEmailVerificationUrl(deriveEmailVerificationToken(verification.id)),
    lifetimeHours: INVITE_LINK_POLICY.verificationHours,
  });
  return { ...rendered, to: verification.user.email };
}
