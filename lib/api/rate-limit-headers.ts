import type { RateLimitOutcome } from "@/lib/rate-limit/consume-rate-limit";

export const API_WINDOW_SECONDS = 60;

/**
 * The IETF draft's fields (draft-ietf-httpapi-ratelimit-headers): the policy (quota `q` per
 * window `w` seconds) and what is left of it (`r` remaining, `t` seconds until it resets).
 */
export function rateLimitHeaders(policy: string, outcome: RateLimitOutcome): Record<string, string> {
  return {
    "RateLimit-Policy": `"${policy}";q=${outcome.limit};w=${API_WINDOW_SECONDS}`,
    RateLimit: `"${policy}";r=${outcome.remaining};t=${outcome.resetSeconds}`,
  };
}
