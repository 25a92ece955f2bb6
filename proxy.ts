import { randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { parseClientAddress } from "@/lib/auth/parse-client-address";
import { renewSessionCookie } from "@/lib/auth/renew-session-cookie";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { env } from "@/lib/env";
import { getCatalogue, LANGUAGES } from "@/lib/i18n/catalogues";
import { pickLanguage } from "@/lib/i18n/pick-language";
import { limitInvitationPage } from "@/lib/rate-limit/limit-invitation-page";
import { buildContentSecurityPolicy } from "@/lib/security/content-security-policy";

const https = env.APP_URL.startsWith("https://");

function addTransportSecurity(response: NextResponse): NextResponse {
  if (https) response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  return response;
}

/**
 * A server action posted to a page that does not hold it is forwarded by Next.js, from the server
 * to itself, to a page that does. Teamgate's pages only post their own actions, so such a request
 * is crafted: refuse it with Next's own "action not found" answer (the first leg then answers
 * 409), before it can count against a rate limit under the server's own address.
 */
function refuseForwardedAction(): NextResponse {
  return new NextResponse("Server Action unavailable.", {
    status: 404,
    headers: {
      "x-nextjs-action-not-found": "1",
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
    },
  });
}

/** Rate-limits the invitation and invite-link pages per client address, before any token is looked up. */
async function limitInvitationPages(request: NextRequest, policy: string): Promise<NextResponse | null> {
  const address = parseClientAddress(request.headers.get("x-forwarded-for"), env.TRUSTED_PROXY_HOPS);
  const outcome = await limitInvitationPage(address);
  if (outcome.allowed) return null;
  // Before any invitation is read, the browser's languages choose the words.
  const language = pickLanguage(request.headers.get("accept-language"), LANGUAGES);
  const message = getCatalogue(language).invitePage.tooManyRequests;
  const headers = {
    "Retry-After": String(outcome.resetSeconds),
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "Content-Security-Policy": policy,
  };
  if (request.method === "GET" && request.headers.get("accept")?.includes("text/html")) {
    const page = `<!doctype html><html lang="${language}"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Teamgate</title><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem"><h1 style="font-size:1.25rem">Teamgate</h1><p>${message}</p></body></html>`;
    return new NextResponse(page, { status: 429, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
  }
  return new NextResponse(message, {
    status: 429,
    headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" },
  });
}

/** Every page: the forwarded-action guard, the invitation pages' limit, CSP with a fresh nonce, HSTS, sliding sessions. */
export async function proxy(request: NextRequest) {
  if (request.headers.has("x-action-forwarded")) return addTransportSecurity(refuseForwardedAction());

  const nonce = randomBytes(16).toString("base64");
  const policy = buildContentSecurityPolicy({ nonce, development: env.NODE_ENV === "development", https });
  if (request.nextUrl.pathname.startsWith("/invite/") || request.nextUrl.pathname.startsWith("/join/")) {
    const refused = await limitInvitationPages(request, policy);
    if (refused) return addTransportSecurity(refused);
  }

  // Next.js reads the nonce from the request's policy and puts it on every script it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);

  const renewed = await renewSessionCookie(
    request.cookies.get(SESSION_COOKIE.name)?.value,
    Math.floor(Date.now() / 1000),
  );
  if (renewed)
    response.cookies.set(SESSION_COOKIE.name, renewed.value, { ...SESSION_COOKIE.options, maxAge: renewed.maxAge });
  return addTransportSecurity(response);
}

// Pages, server actions and route handlers outside /api; not the build's static files.
export const config = { matcher: ["/((?!api/|_next/static/|_next/image|favicon\\.ico$|icon\\.svg$).*)"] };
