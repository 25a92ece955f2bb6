import { LANGUAGE_CHOICES, type Language } from "@/lib/i18n/catalogues";

/** Languages an invitation can be sent in: every language with a catalogue (lib/i18n/catalogues). */
export const INVITATION_LANGUAGES = LANGUAGE_CHOICES;

export type InvitationLanguage = Language;

export const LANGUAGE_CODES = INVITATION_LANGUAGES.map((l) => l.code) as [InvitationLanguage, ...InvitationLanguage[]];
