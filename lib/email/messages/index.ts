import { en, type EmailMessages } from "./en";
import { fr } from "./fr";

/** One file per language; the invitation's language picks it, English otherwise. */
const catalogues: Record<string, EmailMessages> = { en, fr };

export function getEmailMessages(language: string): EmailMessages {
  return catalogues[language] ?? en;
}
