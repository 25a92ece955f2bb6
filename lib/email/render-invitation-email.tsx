import { renderEmailParts } from "./render-email-parts";
import { randomBytes } from "node:crypto";
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

export type RenderedEmail = { subject: string; html: string; text: string };

// Per-recipient values go into the rendered template through slots. Random per process, so no
// team, inviter or role name can contain one.
const slotId = randomBytes(9).toString("hex");
const SLOTS = { to: `tgslot${slotId}to`, url: `tgslot${slotId}url`, expires: `tgslot${slotId}expires` } as const;
const TEMPLATE_CACHE_SIZE = 64;
const templates = new Map<string, Promise<RenderedEmail>>();

/**
 * The invitation email. React's renders (HTML, then plain text) cost about 8 ms of CPU, and a
 * batch of 500 invitations shares its team, inviter, role and language: the email is rendered
 * once per such combination with slots for the address, the link and the expiry, and each
 * recipient's copy is the template with its slots filled (escaped as React escapes, for HTML).
 */
export async function renderInvitationEmail(input: InvitationEmailInput): Promise<RenderedEmail> {
  const template = await readTemplate(input);
  const t = getCatalogue(input.language).email;
  const values = { to: input.to, url: input.url, expires: formatExpiry(t.intlLocale, input.expiresAt) };
  return {
    subject: template.subject,
    html: fillSlots(template.html, values, escapeHtml),
    text: fillSlots(template.text, values, (value) => value),
  };
}

function readTemplate(input: InvitationEmailInput) {
  const key = JSON.stringify([
    input.variant ?? "invitation",
    input.language,
    input.teamName,
    input.inviterName,
    input.roleName,
    input.message ?? null,
  ]);
  const cached = templates.get(key);
  if (cached) {
    templates.delete(key);
    templates.set(key, cached);
    return cached;
  }
  const rendered = renderTemplate(input);
  templates.set(key, rendered);
  rendered.catch(() => templates.delete(key));
  if (templates.size > TEMPLATE_CACHE_SIZE) templates.delete(templates.keys().next().value!);
  return rendered;
}

async function renderTemplate(input: InvitationEmailInput): Promise<RenderedEmail> {
  const t = getCatalogue(input.language).email;
  const team = toDisplayText(input.teamName);
  const inviter = toDisplayText(input.inviterName ?? team);
  const role = toDisplayText(input.roleName, 40);
  const message = input.message ? toDisplayText(input.message, MAX_INVITATION_MESSAGE_LENGTH) : "";
  const lead =
    input.variant === "reminder"
      ? t.reminderLead(SLOTS.expires)
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
      invitedAddress={t.invitedAddress(SLOTS.to)}
      expires={t.expires(SLOTS.expires)}
      buttonLabel={t.button}
      linkIntro={t.linkIntro}
      unexpected={t.unexpected}
      url={SLOTS.url}
    />
  );
  const { html, text } = await renderEmailParts(element);
  return { subject, html, text };
}

function formatExpiry(locale: string, expiresAt: Date) {
  return `${new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(expiresAt)} UTC`;
}

function fillSlots(template: string, values: Record<keyof typeof SLOTS, string>, escape: (value: string) => string) {
  let filled = template;
  for (const name of Object.keys(SLOTS) as Array<keyof typeof SLOTS>)
    filled = filled.replaceAll(SLOTS[name], escape(values[name]));
  return filled;
}

/** What React's server renderer does to text and attribute values. */
function escapeHtml(value: string) {
  return value.replace(
    /[&<>"']/g,
    (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[char]!,
  );
}
