import "server-only";
import { buildPasswordResetUrl, derivePasswordResetToken } from "@/lib/auth/password-reset-token";
import { PASSWORD_RESET_POLICY } from "@/lib/auth/password-reset-policy";
import { db } from "@/lib/db";
import type { RenderedEmail } from "./render-invitation-email";
import { renderPasswordResetEmail } from "./render-password-reset-email";

/**
 * A reset email, rendered when it is sent: the token is rebuilt from the row's id (it is stored
 * nowhere), to the account's own address. A link already used or expired is not worth sending.
 */
export async function preparePasswordResetEmail(
  passwordResetId: string,
  payload: { language?: string } | null,
  now: Date,
): Promise<(RenderedEmail & { to: string }) | { skip: string }> {
  const reset = await db.passwordResetToken.findUnique({
    where: { id: passwordResetId },
    select: { id: true, usedAt: true, expiresAt: true, user: { select: { email: true } } },
  });
  if (!reset) return { skip: "Reset link deleted" };
  if (reset.usedAt) return { skip: "Reset link already used" };
  if (reset.expiresAt <= now) return { skip: "Reset link expired before it could be sent" };
  const rendered = await renderPasswordResetEmail({
    language: payload?.language ?? "en",
    to: reset.user.email,
    url: buildPasswordResetUrl(derivePasswordResetToken(reset.id)),
    lifetimeMinutes: PASSWORD_RESET_POLICY.lifetimeMinutes,
  });
  return { ...rendered, to: reset.user.email };
}
