import "server-only";
import { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import { hashInvitationToken, isWellFormedInvitationToken } from "@/lib/crypto/invitation-token";
import { db } from "@/lib/db";
import { fail } from "@/lib/result";
import { zodFailure } from "@/lib/validation/zod-failure";
import { acceptInvitationWhere } from "./respond-to-invitation";

export const signUpFromInvitationSchema = z.strictObject({
  name: z.string().trim().min(1, "Enter your name").max(100, "Keep your name under 100 characters"),
  password: z
    .string()
    .min(12, "Use at least 12 characters")
    .max(200, "Use at most 200 characters"),
});

const INVALID_LINK = "This invitation link is not valid.";

/**
 * Creates the invitee's account from a pending invitation and accepts it. The address is
 * the invitation's own (the link proves the inbox, so it counts as verified); nobody can
 * choose another one here.
 */
export async function signUpFromInvitation(token: string, input: z.input<typeof signUpFromInvitationSchema>) {
  const parsed = signUpFromInvitationSchema.safeParse(input);
  if (!parsed.success) return zodFailure(parsed.error);
  if (!isWellFormedInvitationToken(token)) return fail("NOT_FOUND", INVALID_LINK);
  const tokenHash = hashInvitationToken(token);

  const invitation = await db.invitation.findUnique({
    where: { tokenHash },
    select: { email: true, emailCanonical: true, status: true, expiresAt: true },
  });
  if (!invitation) return fail("NOT_FOUND", INVALID_LINK);
  if (invitation.status !== "PENDING" || invitation.expiresAt <= new Date()) {
    return fail("GONE", "This invitation can no longer be accepted.");
  }
  const passwordHash = await hashPassword(parsed.data.password);
  const created = await db.user
    .create({
      data: {
        email: invitation.email,
        emailCanonical: invitation.emailCanonical,
        name: parsed.data.name,
        passwordHash,
        emailVerifiedAt: new Date(),
      },
      select: { id: true, email: true },
    })
    .catch((error: unknown) => {
      if ((error as { code?: string }).code === "P2002") return null;
      throw error;
    });
  if (!created) return fail("CONFLICT", "An account for this address already exists. Sign in to accept the invitation.");

  const accepted = await acceptInvitationWhere(created.id, { tokenHash }, INVALID_LINK);
  if (!accepted.ok) {
    // The invitation died between the check and the accept: the account stays, usable to sign in.
    return accepted;
  }
  return { ...accepted, email: created.email };
}
