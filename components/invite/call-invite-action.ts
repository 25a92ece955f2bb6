import { unstable_rethrow } from "next/navigation";
import { UNREACHABLE, type InviteFailure } from "@/lib/i18n/describe-invite-failure";

/**
 * Calls a server action from a page that must never fall into an error boundary: no answer
 * at all (the network, or the rate limiter answering 429 before the action runs) becomes a
 * failure value the page can put in words. A redirect from the action still goes through.
 */
export async function callInviteAction<T>(call: () => Promise<T>): Promise<T | ({ ok: false } & InviteFailure)> {
  try {
    return await call();
  } catch (error) {
    unstable_rethrow(error);
    return { ok: false, ...UNREACHABLE };
  }
}
