import { renderFromTemplate, type RenderedEmail } from "./email-template-cache";
import { renderEmailParts } from "./render-email-parts";
import { toDisplayText } from "./display-text";
import { getCatalogue } from "@/lib/i18n/catalogues";
import { MAX_INVITATION_MESSAGE_LENGTH } from "@/lib/invitations/schemas";
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
  /** The inviter's personal note, as stored. */
  message?: string | null;
};

export type { RenderedEmail } from "./email-template-cache";

const SLOTS = ["to", "url", "expires"] as const;

/**
 * The invitation email. React's renders (HTML, then plain text) cost about 8 ms of CPU, and a
 * batch of 500 invitations shares its team, inviter, role and language: the email is rendered
 * once per such combination with slots for the address, the link and the expiry, and each
 * recipient's copy is the template with its slots filled.
 */
export async function renderInvitationEmail(input: InvitationEmailInput): Promise<RenderedEmail> {
  const t = getCatalogue(input.language).email;
  return renderFromTemplate({
    key: [
      "invitation",
      input.variant ?? "invitation",
      input.language,
      input.teamName,
      input.inviterName,
      input.roleName,
      input.message ?? null,
    ],
    slots: SLOTS,
    render: (slots) => renderTemplate(input, slots),
    values: { to: input.to, url: input.url, expires: formatExpiry(t.intlLocale, input.expiresAt) },
  });
}

async function renderTemplate(
  input: InvitationEmailInput,
  slots: Record<(typeof SLOTS)[number], string>,
): Promise<RenderedEmail> {
  const t = getCatalogue(input.language).email;
  const team = toDisplayText(input.teamName);
  const inviter = toDisplayText(input.inviterName ?? team);
  const role = toDisplayText(input.roleName, 40);
  const message = input.message ? toDisplayText(input.message, MAX_INVITATION_MESSAGE_LENGTH) : "";
  const lead =
    input.variant === "reminder"
      ? t.reminderLead(slots.expires)
      : input.variant === "current_link"
        ? t.currentLinkLead
        : undefined;
  const subject =
    input.variant === "reminder"
      ? t.reminderSubject(team)
      : input.variant === "current_link"
        ? t.currentLinkSubject(team)
        : t.subject(team);
  const element = (
    <InvitationEmail
      lang={input.language}
      lead={lead}
      preview={t.preview(team)}
      heading={t.heading(team)}
      intro={t.intro(inviter, team, role)}
      message={
        message
          ? { intro: getCatalogue(input.language).invitationMessage.emailIntro(inviter), text: message }
          : undefined
      }
      invitedAddress={t.invitedAddress(slots.to)}
      expires={t.expires(slots.expires)}
      buttonLabel={t.button}
      linkIntro={t.linkIntro}
      unexpected={t.unexpected}
      url={slots.url}
    />
  );
  const { html, text } = await renderEmailParts(element);
  return { subject, html, text };
}

function formatExpiry(locale: string, expiresAt: Date) {
  return `${new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(expiresAt)} UTC`;
}
