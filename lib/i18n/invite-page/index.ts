import { en, type InvitePageMessages } from "./en";
import { fr } from "./fr";

const catalogues: Record<string, InvitePageMessages> = { en, fr };

export const INVITE_PAGE_LANGUAGES = Object.keys(catalogues);

export function getInvitePageMessages(language: string): InvitePageMessages {
  return catalogues[language] ?? en;
}

export type { InvitePageMessages };
