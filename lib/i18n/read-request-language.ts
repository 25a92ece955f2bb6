import "server-only";
import { headers } from "next/headers";
import { LANGUAGES, type Language } from "./catalogues";
import { pickLanguage } from "./pick-language";

/** The catalogue language that best fits the browser's Accept-Language (English otherwise), for pages and actions before anyone is known. */
export async function readRequestLanguage(): Promise<Language> {
  return pickLanguage((await headers()).get("accept-language"), LANGUAGES) as Language;
}
