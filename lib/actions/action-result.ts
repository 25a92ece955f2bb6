import type { ErrorCode } from "@/lib/result";

/** What every server action returns: expected failures are values the UI can show. */
export type ActionResult<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; code: ErrorCode; error: string; fieldErrors?: Record<string, string[]>; retryAfterSeconds?: number };
