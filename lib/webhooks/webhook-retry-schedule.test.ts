import { describe, expect, it } from "vitest";
import { WEBHOOK_MAX_ATTEMPTS, webhookRetryDelaySeconds } from "./webhook-retry-schedule";

describe("webhookRetryDelaySeconds", () => {
  it("backs off 5 s, 30 s, 2 min, 10 min, 1 h … and gives up after the last attempt", () => {
    const delays = Array.from({ length: WEBHOOK_MAX_ATTEMPTS }, (_, index) => webhookRetryDelaySeconds(index + 1, 0.5));
    expect(delays).toEqual([5, 30, 120, 600, 3_600, 14_400, 43_200, null]);
  });

  it("jitters by at most 10 % either way", () => {
    expect(webhookRetryDelaySeconds(4, 0)).toBe(540);
    expect(webhookRetryDelaySeconds(4, 1)).toBe(660);
    expect(webhookRetryDelaySeconds(1, 0)).toBeGreaterThanOrEqual(4);
  });
});
