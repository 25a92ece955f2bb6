import { renderEmailParts } from "./render-email-parts";
import { getCatalogue } from "@/lib/i18n/catalogues";
import type { RenderedEmail } from "./render-invitation-email";
import { NoticeEmail } from "./templates/notice-email";

export type PasswordResetEmailInput = { language: string; to: string; url: string; lifetimeMinutes: number };

/** The "forgot password" email: fixed text, the account's own address, and the single-use link. */
export async function renderPasswordResetEmail(input: PasswordResetEmailInput): Promise<RenderedEmail> {
  const t = getCatalogue(input.language).email;
  const element = (
    <NoticeEmail
      lang={input.language}
      preview={t.reset.heading}
      heading={t.reset.heading}
      paragraphs={[t.reset.intro(input.to), t.reset.expires(input.lifetimeMinutes)]}
      button={{ label: t.reset.button, url: input.url }}
      linkIntro={t.linkIntro}
      footer={t.reset.ignore}
    />
  );
  const { html, text } = await renderEmailParts(element);
  return { subject: t.reset.subject, html, text };
}
