import { en, type Catalogue } from "./en";
import { fr } from "./fr";

/**
 * The one place a language is registered: its catalogue file, then its code here. The invitation
 * form's languages, the validation of `language` and every page's choice of words follow this list.
 */
const CATALOGUES = { en, fr } satisfies Record<string, Catalogue>;

export type Language = keyof typeof CATALOGUES;

export const LANGUAGES = Object.keys(CATALOGUES) as Language[];

/** Each language's code and its name in itself, in registration order. */
export const LANGUAGE_CHOICES = LANGUAGES.map((code) => ({ code, label: CATALOGUES[code].label }));

/** The words for a language (an invitation's, a user's or the browser's); English for any other. */
export function getCatalogue(language: string): Catalogue {
  return Object.hasOwn(CATALOGUES, language) ? CATALOGUES[language as Language] : en;
}

export type { Catalogue };
