import "server-only";
import { headers } from "next/headers";
import { pickLanguage } from "./invite-page/pick-language";

/** The best of `available` for the browser's Accept-Language (English otherwise), for pages and actions that speak several languages. */
export async function readRequestLanguage(available: readonly string[]): Promise<string> {
  return pickLanguage((await headers()).get("accept-language"), available);
}
