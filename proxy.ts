import { NextResponse, type NextRequest } from "next/server";
import { parseClientAddress } from "@/lib/auth/parse-client-address";
import { env } from "@/lib/env";
import { getInvitePageMessages, INVITE_PAGE_LANGUAGES } from "@/lib/i18n/invite-page";
import { pickLanguage } from "@/lib/i18n/invite-page/pick-language";
import { limitInvitationPage } from "@/lib/rate-limit/limit-invitation-page";

/** Rate-limits the invitation pages per client address, before any token is looked up. */
export async function proxy(request: NextRequest) {
  const address = parseClientAddress(request.headers.get("x-forwarded-for"), env.TRUSTED_PROXY_HOPS);
  const outcome = await limitInvitationPage(address);
  if (outcome.allowed) return NextResponse.next();
  // Before any invitation is read, the browser's languages choose the words.
  const language = pickLanguage(request.headers.get("accept-language"), INVITE_PAGE_LANGUAGES);
  const message = getInvitePageMessages(language).tooManyRequests;
  const headers = { "Retry-After": String(outcome.resetSeconds), "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" };
  if (request.method === "GET" && request.headers.get("accept")?.includes("text/html")) {
    const page = `<!doctype html><html lang="${language}"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Teamgate</title><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem"><h1 style="font-size:1.25rem">Teamgate</h1><p>${message}</p></body></html>`;
    return new NextResponse(page, { status: 429, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
  }
  return new NextResponse(message, { status: 429, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
}

export const config = { matcher: ["/invite/:path*"] };
