import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { InvitationShell } from "@/components/invite/invitation-shell";
import { getCatalogue } from "@/lib/i18n/catalogues";
import { readRequestLanguage } from "@/lib/i18n/read-request-language";

export const metadata: Metadata = { title: "Forgot password", robots: { index: false, follow: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ForgotPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const { email } = await searchParams;
  const language = await readRequestLanguage();
  const t = getCatalogue(language).passwordReset;
  return (
    <InvitationShell lang={language}>
      <div className="space-y-2">
        <h1 className="text-xl font-semibold">{t.forgotTitle}</h1>
        <p className="text-sm text-muted-foreground">{t.forgotIntro}</p>
      </div>
      <ForgotPasswordForm language={language} email={typeof email === "string" ? email.slice(0, 254) : ""} />
    </InvitationShell>
  );
}
