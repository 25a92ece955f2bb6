import { render } from "@react-email/render";
import { toDisplayText } from "./display-text";
import { getEmailMessages } from "./messages";
import { InvitationEmail } from "./templates/invitation-email";

export type InvitationEmailInput = {
  language: string;
  to: string;
  teamName: string;
  inviterName: string | null;
  roleName: string;
  expiresAt: Date;
  url: string;
  /** The first invitation email (or a resend), the reminder before expiry, or the current link asked for. */
  variant?: "invitation" | "reminder" | "current_link";
};

export type RenderedEmail = { subject: string; html: string; text: string };

export async function renderInvitationEmail(input: InvitationEmailInput): Promise<RenderedEmail> {
  const t = getEmailMessages(input.language);
  const team = toDisplayText(input.teamName);
  const inviter = toDisplayText(input.inviterName ?? team);
  const role = toDisplayText(input.roleName, 40);
  const expires = `${new Intl.DateTimeFormat(t.intlLocale, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(input.expiresAt)} UTC`;
  const lead = input.variant === "reminder" ? t.reminderLead(expires) : input.variant === "current_link" ? t.currentLinkLead : undefined;
  const subject = input.variant === "reminder" ? t.reminderSubject(team) : input.variant === "current_link" ? t.currentLinkSubject(team) : t.subject(team);
  const element = (
    <InvitationEmail
      lang={input.language}
      lead={lead}
      preview={t.preview(team)}
      heading={t.heading(team)}
      intro={t.intro(inviter, team, role)}
      invitedAddress={t.invitedAddress(input.to)}
      expires={t.expires(expires)}
      buttonLabel={t.button}
      linkIntro={t.linkIntro}
      unexpected={t.unexpected}
      url={input.url}
    />
  );
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject, html, text };
}
