import "server-only";
import { env } from "@/lib/env";
import { toDisplayText } from "./display-text";

/** To the inviter, when someone holding an expired link asks for a new one. */
export function renderRenewalRequestEmail({
  inviteeEmail,
  teamName,
  teamSlug,
}: {
  inviteeEmail: string;
  teamName: string;
  teamSlug: string;
}) {
  const team = toDisplayText(teamName);
  const url = `${env.APP_URL}/teams/${encodeURIComponent(teamSlug)}/settings/invitations?status=EXPIRED`;
  const text = `${inviteeEmail} asked for a new invitation to ${team}: theirs expired.\n\nResend it from Settings → Team → Invitations:\n${url}\n`;
  const escape = (value: string) =>
    value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const html = `<!doctype html><html lang="en"><body style="font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#27272a"><p>${escape(inviteeEmail)} asked for a new invitation to ${escape(team)}: theirs expired.</p><p><a href="${escape(url)}">Resend it from Settings → Team → Invitations</a></p></body></html>`;
  return { subject: `${inviteeEmail} asked for a new invitation to ${team}`, html, text };
}
