import { NextResponse, type NextRequest } from "next/server";
import { parseClientAddress } from "@/lib/auth/parse-client-address";
import { env } from "@/lib/env";
import { limitInvitationPage } from "@/lib/rate-limit/limit-invitation-page";

/** Rate-limits the invitation pages per client address, before any token is looked up. */
export async function proxy(request: NextRequest) {
  const address = parseClientAddress(request.headers.get("x-forwarded-for"), env.TRUSTED_PROXY_HOPS);
  const outcome = await limitInvitationPage(address);
  if (outcome.allowed) return NextResponse.next();
  return new NextResponse("Too many requests. Wait a minute and try again.", {
    status: 429,
    headers: { "Retry-After": String(outcome.resetSeconds), "Content-Type": "text/plain; charset=utf-8", "Referrer-Policy": "no-referrer" },
  });
}

export const config = { matcher: ["/invite/:path*"] };
