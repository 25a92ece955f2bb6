import "server-only";
import { renderEmailParts } from "./render-email-parts";
import { env } from "@/lib/env";
import { toDisplayText } from "./display-text";
import { getCatalogue } from "@/lib/i18n/catalogues";
import type { RenderedEmail } from "./render-invitation-email";
import { NoticeEmail } from "./templates/notice-email";

export type AnswerNotificationInput = {
  /** The recipient's language (User.language). */
  language: string;
  answer: "accepted" | "declined";
  inviteeEmail: string;
  teamName: string;
  teamSlug: string;
  roleName: string;
  inviterName: string | null;
  declineReason: string | null;
};

/**
 * "Ada accepted / declined the invitation to Acme", to the inviter and (per the team's setting)
 * its admins. The reason is the invitee's own words: one paragraph of text, capped, bidi controls
 * dropped, unable to become a link; React escapes it in the HTML.
 */
export async function renderAnswerNotificationEmail(input: AnswerNotificationInput): Promise<RenderedEmail> {
  const t = getCatalogue(input.language).email;
  const team = toDisplayText(input.teamName);
  // A strictly parsed address (lib/email/parse-email.ts): at worst a mail client links it as mailto:,
  // so it stays readable, also in the plain-text part, where a zero-width break would become a space.
  const invitee = toDisplayText(input.inviteeEmail, 254, { breakLinks: false });
  const role = toDisplayText(input.roleName, 40);
  const reason = input.answer === "declined" && input.declineReason ? toDisplayText(input.declineReason, 500) : null;
  const url = `${env.APP_URL}/teams/${encodeURIComponent(input.teamSlug)}/settings/invitations`;
  const paragraphs = [
    input.answer === "accepted" ? t.answer.accepted(invitee, team, role) : t.answer.declined(invitee, team),
    ...(input.inviterName ? [t.answer.invitedBy(toDisplayText(input.inviterName))] : []),
  ];
  const element = (
    <NoticeEmail
      lang={input.language}
      preview={paragraphs[0]!}
      heading={t.answer.heading(input.answer)}
      paragraphs={paragraphs}
      quote={reason ? { intro: t.answer.reasonIntro, text: reason } : null}
      button={{ label: t.answer.button, url }}
      footer={t.answer.why(team)}
    />
  );
  const { html, text } = await renderEmailParts(element);
  return { subject: t.answer.subject(invitee, input.answer, team), html, text };
}
