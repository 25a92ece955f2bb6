import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fail, type Failure } from "@/lib/result";
import { toSqlClient, type SqlClient } from "./direct-sql";
import { db, getDirectSqlOfDb } from "./index";
import { TransactionAbort } from "./transaction-abort";

export type Tx = Prisma.TransactionClient;
/** A transaction that only sends hand-written SQL (runSqlTransaction's, or a Prisma one passed on). */
export type SqlTx = SqlClient;

/** Attempts in all for a transaction that lost a race (deadlock or serialization failure). */
export const TRANSACTION_ATTEMPTS = 4;
/**
 * How long a transaction may queue for a pooled connection before the caller is told to come back.
 * Shorter than the client's default (TRANSACTION_MAX_WAIT_MS, for the outbox and other background
 * work): a person waiting on a request is better served by a prompt 503 than a 10 s queue.
 */
const MAX_WAIT_MS = 5_000;
const TIMEOUT_MS = 10_000;
const RETRY_AFTER_SECONDS = 2;

const RACE_SQLSTATES = new Set(["40001", "40P01"]);

type ErrorLike = { code?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown }; originalCode?: unknown };

/** The SQLSTATE or Prisma code anywhere in the error's chain (driver errors arrive wrapped once or twice). */
function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const e = current as ErrorLike;
    for (const code of [e.code, e.originalCode]) if (typeof code === "string") codes.push(code);
    current = e.meta?.driverAdapterError ?? e.cause;
  }
  return codes;
}

/** "race": a deadlock or serialization failure, safe to run again; "busy": no connection in time, or the transaction ran out of time. */
export function classifyTransactionError(error: unknown): "race" | "busy" | null {
  const codes = errorCodes(error);
  if (codes.some((code) => code === "P2034" || RACE_SQLSTATES.has(code))) return "race";
  // P2028: Prisma's wait or timeout; 57014: a statement past the driver transaction's statement_timeout.
  if (codes.some((code) => code === "P2028" || code === "57014" || code === "CONNECTION_WAIT_TIMEOUT")) return "busy";
  return null;
}

const BUSY = "The server is busy. Nothing was changed; try again in a moment.";

/**
 * Every writing transaction runs here. A refusal thrown with `abortTransaction` rolls back and
 * comes back as its failure value. A deadlock or serialization failure (two requests racing for
 * the same rows) rolls back and runs the work again, up to TRANSACTION_ATTEMPTS times with a
 * short random pause; the work must therefore have no effect outside the database. When the pool
 * has no connection for MAX_WAIT_MS, or the races never settle, the caller gets UNAVAILABLE (503
 * with Retry-After), never an error page, and nothing was written. Background work (the email
 * sender) and machine callers (the provider's webhook) pass `maxWaitMs: TRANSACTION_MAX_WAIT_MS`:
 * nobody is waiting on them, so they queue as long as the client's default allows.
 */
export async function runTransaction<T>(
  work: (tx: Tx) => Promise<T>,
  options: { timeoutMs?: number; maxWaitMs?: number } = {},
): Promise<T | Failure> {
  return retryRaces(() =>
    db.$transaction(work, { maxWait: options.maxWaitMs ?? MAX_WAIT_MS, timeout: options.timeoutMs ?? TIMEOUT_MS }),
  );
}

/**
 * runTransaction for work that sends only hand-written SQL: the same refusals, retries and busy
 * answers, on a driver connection without Prisma's transaction machinery (the hot answers: accept,
 * decline). A statement past `timeoutMs` is cancelled, and the transaction with it.
 */
export async function runSqlTransaction<T>(
  work: (tx: SqlTx) => Promise<T>,
  options: { timeoutMs?: number; maxWaitMs?: number } = {},
): Promise<T | Failure> {
  const limits = { maxWaitMs: options.maxWaitMs ?? MAX_WAIT_MS, timeoutMs: options.timeoutMs ?? TIMEOUT_MS };
  return retryRaces(() => {
    const direct = getDirectSqlOfDb();
    if (!direct) return db.$transaction(work, { maxWait: limits.maxWaitMs, timeout: limits.timeoutMs });
    return direct.transaction((run) => work(toSqlClient(run)), limits);
  });
}

/**
 * Work whose one writing statement is atomic by itself (each statement commits on its own): the
 * refusals, retries and busy answers of runSqlTransaction without its BEGIN and COMMIT round trips.
 * The work must write in a single statement; reads after it are fine.
 */
export async function runSqlStatement<T>(
  work: (sql: SqlTx) => Promise<T>,
  options: { maxWaitMs?: number } = {},
): Promise<T | Failure> {
  const limits = { maxWaitMs: options.maxWaitMs ?? MAX_WAIT_MS };
  return retryRaces(() => {
    const direct = getDirectSqlOfDb();
    if (!direct) return work(db);
    return direct.alone((run) => work(toSqlClient(run)), limits);
  });
}

async function retryRaces<T>(attemptOnce: () => Promise<T>): Promise<T | Failure> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await attemptOnce();
    } catch (error) {
      if (error instanceof TransactionAbort) return error.failure;
      const kind = classifyTransactionError(error);
      if (kind === "race" && attempt < TRANSACTION_ATTEMPTS) {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
        continue;
      }
      if (kind) return fail("UNAVAILABLE", BUSY, { retryAfterSeconds: RETRY_AFTER_SECONDS });
      throw error;
    }
  }
}
