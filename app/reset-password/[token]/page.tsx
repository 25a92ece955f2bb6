import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { InvitationMessage, InvitationShell } from "@/components/invite/invitation-shell";
import { Button } from "@/components/ui/button";
import { PASSWORD_RESET_POLICY } from "@/lib/auth/password-reset-policy";
import { readPasswordResetLink } from "@/lib/auth/read-password-reset-link";
import { getCatalogue } from "@/lib/i18n/catalogues";
import { readRequestLanguage } from "@/lib/i18n/read-request-language";

export const metadata: Metadata = {
  title: "Reset password",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

type Props = { params: Promise<{ token: string }> };

/** A GET only reads the link's state (mail scanners may open it); setting the password is a POST. */
export default async function ResetPasswordPage({ params }: Props) {
  const { token } = await params;
  const [link, language] = await Promise.all([readPasswordResetLink(token), readRequestLanguage()]);
  const t = getCatalogue(language).passwordReset;

  if (link.state !== "valid") {
    const title = link.state === "used" ? t.usedTitle : link.state === "expired" ? t.expiredTitle : t.invalidTitle;
    const body =
      link.state === "used"
        ? t.usedBody
        : link.state === "expired"
          ? t.expiredBody(PASSWORD_RESET_POLICY.lifetimeMinutes)
          : t.invalidBody;
    return (
      <InvitationShell lang={language}>
        <InvitationMessage title={title} body={body}>
          <div className="flex flex-wrap gap-3">
            <Button asChild>
              <Link href="/forgot-password">{t.askAgain}</Link>
            </Button>
            <Button asChild variant="outline">
              <Link href="/sign-in">{t.backToSignIn}</Link>
            </Button>
          </div>
        </InvitationMessage>
      </InvitationShell>
    );
  }

  return (
    <InvitationShell lang={language}>
      <div className="space-y-2">
        <h1 className="text-xl font-semibold">{t.resetTitle}</h1>
        <p className="text-sm break-words text-muted-foreground">{t.resetIntro(link.email ?? "")}</p>
      </div>
      <ResetPasswordForm token={token} language={language} />
    </InvitationShell>
  );
}
