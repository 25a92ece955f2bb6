import { describe, expect, it } from "vitest";
import { toWebhookEndpointDto } from "./webhook-dto";

describe("toWebhookEndpointDto", () => {
  const row = {
    id: "e1",
    url: "https://example.com/hook",
    description: "",
    events: ["member.joined"],
    enabled: true,
    previousSecretExpiresAt: new Date("2026-11-29T12:00:00Z"),
    createdAt: new Date("2026-11-28T12:00:00Z"),
    updatedAt: new Date("2026-11-28T12:00:00Z"),
  };

  it("names the previous secret's end only while it still signs", () => {
    expect(toWebhookEndpointDto(row, new Date("2026-11-29T11:00:00Z")).previousSecretExpiresAt).toBe(
      "2026-11-29T12:00:00.000Z",
    );
    expect(toWebhookEndpointDto(row, new Date("2026-11-29T13:00:00Z")).previousSecretExpiresAt).toBeNull();
  });
});
