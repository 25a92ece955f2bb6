import type { EmailMessages } from "./email-language";
import { en } from "./en";
import { fr } from "./fr";

/**
 * The one place a language is registered: its file, then its name here. The invitation
 * form's language list and the validation of `language` are derived from this list.
 */
export const EMAIL_LANGUAGES = [en, fr] as const;

export type EmailLanguageCode = (typeof EMAIL_LANGUAGES)[number]["code"];

const catalogues = new Map<string, EmailMessages>(
  EMAIL_LANGUAGES.map((language) => [language.code, language.messages]),
);

/** The invitation's language picks the catalogue; English otherwise. */
export function getEmailMessages(language: string): EmailMessages {
  return catalogues.get(language) ?? en.messages;
}

export type { EmailMessages };
