/** Languages an invitation email and page can speak. Adding one: a file in lib/i18n and a line here. */
export const INVITATION_LANGUAGES = [
  { code: "en", label: "English" },
  { code: "fr", label: "Français" },
] as const;

export type InvitationLanguage = (typeof INVITATION_LANGUAGES)[number]["code"];

export const LANGUAGE_CODES = INVITATION_LANGUAGES.map((l) => l.code) as [InvitationLanguage, ...InvitationLanguage[]];
