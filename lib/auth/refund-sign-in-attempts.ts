import "server-only";
import { db } from "@/lib/db";

/**
 * Takes back attempts counted in the current window: a sign-in counts before the password is
 * checked (so parallel guesses cannot outrun the limit) and stops counting once it succeeds.
 */
export async function refundSignInAttempts(keys: string[], windowSeconds: number) {
  for (const key of keys) {
    await db.$executeRaw`
      UPDATE "RateLimitBucket" SET "count" = "count" - 1
      WHERE "key" = ${key}
        AND "windowStart" = to_timestamp(floor(extract(epoch FROM now()) / ${windowSeconds}::int) * ${windowSeconds}::int)
        AND "count" > 0`;
  }
}
