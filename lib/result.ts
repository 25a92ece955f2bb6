/** Expected failures are values. Each code maps to one HTTP status in the API. */
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "INVALID"
  | "CONFLICT"
  | "GONE"
  | "RATE_LIMITED"
  | "LIMIT_REACHED"
  /** The database was too busy to start the work (pool exhausted) or a race outlasted its retries; nothing was written. */
  | "UNAVAILABLE";

export type Failure = {
  ok: false;
  code: ErrorCode;
  error: string;
  fieldErrors?: Record<string, string[]>;
  retryAfterSeconds?: number;
  /** GONE for an invitation: what closed it, so the invitation page can say so in its own language. */
  closed?: "ACCEPTED" | "DECLINED" | "WITHDRAWN" | "EXPIRED";
};

export type Result<T extends object = object> = ({ ok: true } & T) | Failure;

export function fail(
  code: ErrorCode,
  error: string,
  extra: Partial<Omit<Failure, "ok" | "code" | "error">> = {},
): Failure {
  return { ok: false, code, error, ...extra };
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID: 400,
  CONFLICT: 409,
  GONE: 410,
  RATE_LIMITED: 429,
  LIMIT_REACHED: 422,
  UNAVAILABLE: 503,
};
