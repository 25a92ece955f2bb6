import "server-only";
import type { Tx } from "@/lib/db/run-transaction";
import { abortTransaction } from "@/lib/db/transaction-abort";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { fail } from "@/lib/result";

/** Endpoint changes, secret rotations and replays one team may make per hour, through the UI and the API together. */
export const WEBHOOK_CHANGES_PER_HOUR = 120;

/** Charged as the last statement of the change's transaction: a refusal rolls the change back. */
export async function chargeWebhookChange(tx: Tx, teamId: string): Promise<void> {
  const outcome = await consumeRateLimit(tx, {
    key: `webhooks:${teamId}`,
    limit: WEBHOOK_CHANGES_PER_HOUR,
    windowSeconds: 3_600,
  });
  if (!outcome.allowed)
    abortTransaction(
      fail("RATE_LIMITED", `At most ${WEBHOOK_CHANGES_PER_HOUR} webhook changes an hour. Try again later.`, {
        retryAfterSeconds: outcome.resetSeconds,
      }),
    );
}
