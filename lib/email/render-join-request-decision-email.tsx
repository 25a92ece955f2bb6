import "server-only";
import { renderEmailParts } from "./render-email-parts";
import { env } from "@/lib/env";
import { getCatalogue } from "@/lib/i18n/catalogues";
import { toDisplayText } from "./display-text";
import type { RenderedEmail } from "./render-invitation-email";
import { NoticeEmail } from "./templates/notice-email";

export type JoinRequestDecisionInput = {
  /** The requester's language (User.language). */
  language: string;
  kind: "SUGGESTION" | "ASK";
  approved: boolean;
  /** The address suggested, or the asker's own. */
  email: string;
  teamName: string;
  teamSlug: string;
  reason: string | null;
};

/** To whoever suggested someone or asked to join: approved (invited / you are a member) or declined, with the admin's reason as inert text. */
export async function renderJoinRequestDecisionEmail(input: JoinRequestDecisionInput): Promise<RenderedEmail> {
  const t = getCatalogue(input.language).joinRequests.email;
  const team = toDisplayText(input.teamName);
  const invitee = toDisplayText(input.email, 254, { breakLinks: false });
  const reason = !input.approved && input.reason ? toDisplayText(input.reason, 500) : null;
  const sentence =
    input.kind === "SUGGESTION"
      ? input.approved
        ? t.suggestionApproved(invitee, team)
        : t.suggestionRejected(invitee, team)
      : input.approved
        ? t.askApproved(team)
        : t.askRejected(team);
  const url =
    input.kind === "ASK" && input.approved ? `${env.APP_URL}/teams/${encodeURIComponent(input.teamSlug)}` : env.APP_URL;
  const element = (
    <NoticeEmail
      lang={input.language}
      preview={sentence}
      heading={t.heading(input.approved)}
      paragraphs={[sentence]}
      quote={reason ? { intro: t.reasonIntro, text: reason } : null}
      button={{ label: input.kind === "ASK" && input.approved ? t.openTeam : t.openApp, url }}
      footer={t.why(team)}
    />
  );
  const { html, text } = await renderEmailParts(element);
  return { subject: t.subject(input.kind, input.approved, team), html, text };
}
