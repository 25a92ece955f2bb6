import { en, type PasswordResetMessages } from "./en";
import { fr } from "./fr";

const catalogues: Record<string, PasswordResetMessages> = { en, fr };

export const PASSWORD_RESET_LANGUAGES = Object.keys(catalogues);

export function getPasswordResetMessages(language: string): PasswordResetMessages {
  return catalogues[language] ?? en;
}

export type { PasswordResetMessages };
