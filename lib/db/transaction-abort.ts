import "server-only";
import type { Failure } from "@/lib/result";

/**
 * An expected failure found inside a transaction. Returning it would commit whatever the
 * transaction already wrote (a rate-limit unit, a lock's work); throwing it rolls all of it back,
 * and runTransaction turns it back into the failure value.
 */
export class TransactionAbort extends Error {
  constructor(readonly failure: Failure) {
    super(failure.error);
  }
}

export function abortTransaction(failure: Failure): never {
  throw new TransactionAbort(failure);
}
