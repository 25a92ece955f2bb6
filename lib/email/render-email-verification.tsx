import { renderEmailParts } from "./render-email-parts";
import { getCatalogue } from "@/lib/i18n/catalogues";
import type { RenderedEmail } from "./render-invitation-email";
import { NoticeEmail } from "./templates/notice-email";

export type EmailVerificationInput = { language: string; to: string; url: string; lifetimeHours: number };

/** "Confirm your email" after a sign-up through an invite link: fixed text, the account's own address, the single-use link. */
export async function renderEmailVerification(input: EmailVerificationInput): Promise<RenderedEmail> {
  const t = getCatalogue(input.language).inviteLinks.email;
  const element = (
    <NoticeEmail
      lang={input.language}
      preview={t.heading}
      heading={t.heading}
      paragraphs={[t.intro(input.to), t.expires(input.lifetimeHours)]}
      button={{ label: t.button, url: input.url }}
      linkIntro={getCatalogue(input.language).email.linkIntro}
      footer={t.ignore}
    />
  );
  const { html, text } = await renderEmailParts(element);
  return { subject: t.subject, html, text };
}
