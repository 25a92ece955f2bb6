import "server-only";
import { db } from "@/lib/db";
import { LANGUAGE_CODES } from "@/lib/invitations/languages";
import { pickLanguage } from "@/lib/i18n/pick-language";

/**
 * The language emails to this user are written in (answer notifications): the browser's, among
 * those the email catalogues have, at each sign-in. Changes nothing when it is already that.
 */
export async function rememberUserLanguage(userId: string, acceptLanguage: string | null): Promise<void> {
  const language = pickLanguage(acceptLanguage, LANGUAGE_CODES);
  await db.$executeRaw`UPDATE "User" SET "language" = ${language} WHERE "id" = ${userId}::uuid AND "language" <> ${language}`;
}
