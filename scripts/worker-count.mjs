/** Whether WEB_CONCURRENCY names a usable number of workers. */
export function isValidWorkerCount(requested) {
  const count = Number(requested);
  return Number.isInteger(count) && count >= 1 && count <= 64;
}

/** Whether the database's host is this machine (loopback, or a Unix socket). */
export function databaseIsLocal(url) {
  try {
    const parsed = new URL(url);
    if (parsed.searchParams.get("host")?.startsWith("/")) return true;
    return ["localhost", "127.0.0.1", "[::1]", ""].includes(parsed.hostname);
  } catch {
    return false;
  }
}

/**
 * How many worker processes `npm start` runs: one on PGlite (one process may open it), else
 * WEB_CONCURRENCY, else one per core, one fewer when the database runs on this machine. It needs a
 * core too: on 2 cores with PostgreSQL beside it, two workers served fewer creates and accepts
 * than one (docs/BENCHMARKS.md, bench/analysis.md).
 */
export function workerCount(env, cores) {
  if (!env.DATABASE_URL) return 1;
  if (env.WEB_CONCURRENCY) return Number(env.WEB_CONCURRENCY);
  return databaseIsLocal(env.DATABASE_URL) ? Math.max(1, cores - 1) : cores;
}
