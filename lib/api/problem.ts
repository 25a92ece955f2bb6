import "server-only";
import { HTTP_STATUS, type ErrorCode, type Failure } from "@/lib/result";

const TYPES: Record<
  ErrorCode | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "MALFORMED_JSON" | "INTERNAL",
  { slug: string; title: string; status: number }
> = {
  UNAUTHENTICATED: { slug: "unauthenticated", title: "Authentication required", status: 401 },
  FORBIDDEN: { slug: "forbidden", title: "Not allowed", status: 403 },
  NOT_FOUND: { slug: "not-found", title: "Not found", status: 404 },
  INVALID: { slug: "invalid-request", title: "Invalid request", status: 400 },
  CONFLICT: { slug: "conflict", title: "Conflict with the current state", status: 409 },
  GONE: { slug: "gone", title: "No longer available", status: 410 },
  RATE_LIMITED: { slug: "rate-limited", title: "Too many requests", status: 429 },
  LIMIT_REACHED: { slug: "limit-reached", title: "Limit reached", status: HTTP_STATUS.LIMIT_REACHED },
  UNAVAILABLE: { slug: "unavailable", title: "Busy, try again", status: HTTP_STATUS.UNAVAILABLE },
  PAYLOAD_TOO_LARGE: { slug: "payload-too-large", title: "Request body too large", status: 413 },
  UNSUPPORTED_MEDIA_TYPE: { slug: "unsupported-media-type", title: "Send application/json", status: 415 },
  MALFORMED_JSON: { slug: "malformed-json", title: "The body is not valid JSON", status: 400 },
  INTERNAL: { slug: "internal", title: "Internal server error", status: 500 },
};

export type ProblemKind = keyof typeof TYPES;
export const PROBLEM_TYPE_BASE = "https://teamgate.dev/problems/";

/** RFC 9457 problem details, with a stable `type` per kind of failure. */
export function problem(
  kind: ProblemKind,
  detail: string,
  extra: { errors?: Record<string, string[]>; headers?: HeadersInit; retryAfterSeconds?: number } = {},
) {
  const { slug, title, status } = TYPES[kind];
  const headers = new Headers(extra.headers);
  headers.set("Content-Type", "application/problem+json");
  if (status === 401) headers.set("WWW-Authenticate", 'Bearer realm="teamgate"');
  if (extra.retryAfterSeconds) headers.set("Retry-After", String(extra.retryAfterSeconds));
  const body = {
    type: `${PROBLEM_TYPE_BASE}${slug}`,
    title,
    status,
    detail,
    ...(extra.errors ? { errors: extra.errors } : {}),
  };
  return new Response(JSON.stringify(body), { status, headers });
}

export function problemFromFailure(failure: Failure) {
  return problem(failure.code, failure.error, {
    errors: failure.fieldErrors,
    retryAfterSeconds: failure.retryAfterSeconds,
  });
}
