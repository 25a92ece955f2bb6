import type { Db } from "@/lib/db/create-client";

/**
 * Rate limits count in fixed windows of the database clock, and a count starts again at a
 * window's edge. A test that counts up to a limit calls this first: when fewer than
 * `neededSeconds` of the current window are left, it waits for the next one, so the edge
 * cannot fall between the requests it counts.
 */
export async function startWithinOneWindow(db: Pick<Db, "$queryRaw">, windowSeconds: number, neededSeconds: number) {
  if (neededSeconds >= windowSeconds) throw new Error("the requests cannot fit in one window");
  const [clock] = await db.$queryRaw<Array<{ left: number }>>`
    SELECT (${windowSeconds}::int - mod(extract(epoch FROM clock_timestamp())::numeric, ${windowSeconds}::int))::float8 AS "left"`;
  const left = clock!.left;
  if (left < neededSeconds) await new Promise((resolve) => setTimeout(resolve, left * 1000 + 100));
}
