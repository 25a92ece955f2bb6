import { EMAIL_LANGUAGES, type EmailLanguageCode } from "@/lib/email/messages";

/** Languages an invitation can be sent in: those with an email catalogue (lib/email/messages). */
export const INVITATION_LANGUAGES = EMAIL_LANGUAGES.map(({ code, label }) => ({ code, label }));

export type InvitationLanguage = EmailLanguageCode;

export const LANGUAGE_CODES = INVITATION_LANGUAGES.map((l) => l.code) as [InvitationLanguage, ...InvitationLanguage[]];
