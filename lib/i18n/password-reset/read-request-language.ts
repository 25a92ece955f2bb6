import "server-only";
import { headers } from "next/headers";
import { pickLanguage } from "@/lib/i18n/invite-page/pick-language";
import { PASSWORD_RESET_LANGUAGES } from "./index";

/** Before anyone is known, the browser's languages choose the words (and the reset email's language). */
export async function readRequestLanguage(): Promise<string> {
  return pickLanguage((await headers()).get("accept-language"), PASSWORD_RESET_LANGUAGES);
}
