import "server-only";
import { renderWhiteSpace } from "@react-email/components";
import { escapeHtml, renderFromTemplate, type RenderedEmail } from "./email-template-cache";
import { renderEmailParts } from "./render-email-parts";
import { env } from "@/lib/env";
import { toDisplayText } from "./display-text";
import { getCatalogue } from "@/lib/i18n/catalogues";
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

const SLOTS = ["invitee", "reason", "preview"] as const;
type Slots = Record<(typeof SLOTS)[number], string>;

// What the plain-text conversion (html-to-text) reads as whitespace: runs of it become one space,
// and a paragraph's first and last are dropped.
const PLAIN_TEXT_WHITESPACE = /[ \t\r\n\f\u200b]+/;

/**
 * "Ada accepted / declined the invitation to Acme", to the inviter and (per the team's setting)
 * its admins. The reason is the invitee's own words: one paragraph of text, capped, bidi controls
 * dropped, unable to become a link; escaped in the HTML. Rendered once per team, role, inviter,
 * answer and language (and whether a reason is given), with the invitee and the reason in slots.
 */
export async function renderAnswerNotificationEmail(input: AnswerNotificationInput): Promise<RenderedEmail> {
  const { invitee, reason } = displayValues(input);
  const reasonText = reason ? reason.split(PLAIN_TEXT_WHITESPACE).filter(Boolean).join(" ") : "";
  // Neither happens with a parsed address and a reason with a word in it; the template could not
  // reproduce how the plain-text conversion would read them.
  if (invitee.includes("\u200b") || (reason && !reasonText)) return renderAnswerNotificationEmailUncached(input);
  const preview = describeAnswer(input, invitee).preview.substring(0, PREVIEW_LENGTH);
  return renderFromTemplate({
    key: [
      "answer-notification",
      input.language,
      input.answer,
      input.teamName,
      input.teamSlug,
      input.roleName,
      input.inviterName,
      Boolean(reason),
    ],
    slots: SLOTS,
    render: async (slots) => {
      const rendered = await renderNotice(input, slots.invitee, reason ? slots.reason : null, slots);
      // The preview's padding depends on its length: the template keeps none, each email gets its own.
      return { ...rendered, html: rendered.html.replace(slots.preview + previewPadding(slots.preview), slots.preview) };
    },
    values: {
      invitee,
      reason: { html: escapeHtml(reason ?? ""), text: reasonText },
      preview: { html: escapeHtml(preview) + previewPadding(preview) },
    },
  });
}

/** The same email rendered by React for this input alone, without a template. */
export function renderAnswerNotificationEmailUncached(input: AnswerNotificationInput): Promise<RenderedEmail> {
  const { invitee, reason } = displayValues(input);
  return renderNotice(input, invitee, reason, null);
}

function displayValues(input: AnswerNotificationInput) {
  return {
    // A strictly parsed address (lib/email/parse-email.ts): at worst a mail client links it as mailto:,
    // so it stays readable, also in the plain-text part, where a zero-width break would become a space.
    invitee: toDisplayText(input.inviteeEmail, 254, { breakLinks: false }),
    reason: input.answer === "declined" && input.declineReason ? toDisplayText(input.declineReason, 500) : null,
  };
}

function describeAnswer(input: AnswerNotificationInput, invitee: string) {
  const t = getCatalogue(input.language).email;
  const team = toDisplayText(input.teamName);
  const role = toDisplayText(input.roleName, 40);
  const preview =
    input.answer === "accepted" ? t.answer.accepted(invitee, team, role) : t.answer.declined(invitee, team);
  return { t, team, preview };
}

async function renderNotice(
  input: AnswerNotificationInput,
  invitee: string,
  reason: string | null,
  slots: Slots | null,
): Promise<RenderedEmail> {
  const { t, team, preview } = describeAnswer(input, invitee);
  const url = `${env.APP_URL}/teams/${encodeURIComponent(input.teamSlug)}/settings/invitations`;
  const paragraphs = [preview, ...(input.inviterName ? [t.answer.invitedBy(toDisplayText(input.inviterName))] : [])];
  const element = (
    <NoticeEmail
      lang={input.language}
      preview={slots?.preview ?? preview}
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

// react-email's Preview: its text cut at 150 characters, then padded to 150 with invisible characters.
const PREVIEW_LENGTH = 150;

function previewPadding(text: string) {
  const padding = renderWhiteSpace(text) as { props: { children: string } } | null;
  return padding ? `<div>${padding.props.children}</div>` : "";
}
