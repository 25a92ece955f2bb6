import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { consumeRateLimit } from "./consume-rate-limit";

export function limitInvitationPage(clientAddress: string) {
  return consumeRateLimit(db, {
    key: `invite-page:${clientAddress}`,
    limit: env.INVITE_PAGE_REQUESTS_PER_MINUTE,
    windowSeconds: 60,
  });
}
