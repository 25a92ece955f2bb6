import type { Failure } from "@/lib/result";

/**
 * An expected failure found inside a transaction. Returning it would commit whatever the
 * transaction already wrote (a rate-limit unit, a lock's work); throwing it rolls all of it back.
 */
export class TransactionAbort extends Error {
  constructor(readonly failure: Failure) {
    super(failure.error);
  }
}

export function abortTransaction(failure: Failure): never {
  throw new TransactionAbort(failure);
}

/** Runs a transaction and turns its abort back into the failure value. */
export async function failureOnAbort<T>(run: () => Promise<T>): Promise<T | Failure> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof TransactionAbort) return error.failure;
    throw error;
  }
}
