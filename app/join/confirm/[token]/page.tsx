import type { Metadata } from "next";
import { InvitationMessage, InvitationShell } from "@/components/invite/invitation-shell";
import { ConfirmEmailButton } from "@/components/join/confirm-email-button";
import { getCatalogue } from "@/lib/i18n/catalogues";
import { readRequestLanguage } from "@/lib/i18n/read-request-language";

export const metadata: Metadata = {
  title: "Confirm your email",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

/** The emailed confirmation: the GET shows a button and changes nothing; the button confirms and joins. */
export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const language = await readRequestLanguage();
  const t = getCatalogue(language).inviteLinks.join;
  return (
    <InvitationShell lang={language}>
      <InvitationMessage title={t.confirmTitle} body={t.confirmBody}>
        <ConfirmEmailButton token={token} language={language} />
      </InvitationMessage>
    </InvitationShell>
  );
}
