import { describe, expect, it } from "vitest";
import { rateLimitHeaders } from "./rate-limit-headers";

describe("rateLimitHeaders", () => {
  it("writes the draft's RateLimit-Policy and RateLimit fields", () => {
    expect(rateLimitHeaders("per-key", { allowed: true, limit: 120, remaining: 119, resetSeconds: 42 })).toEqual({
      "RateLimit-Policy": '"per-key";q=120;w=60',
      RateLimit: '"per-key";r=119;t=42',
    });
  });
});
