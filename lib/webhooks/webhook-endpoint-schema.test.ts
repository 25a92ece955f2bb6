import { describe, expect, it } from "vitest";
import { createWebhookEndpointSchema, updateWebhookEndpointSchema } from "./webhook-endpoint-schema";

describe("webhook endpoint schemas", () => {
  it("fills the defaults and lists events once, in the catalogue's order", () => {
    expect(
      createWebhookEndpointSchema.parse({
        url: " https://example.com/hook ",
        events: ["member.removed", "invitation.created", "member.removed"],
      }),
    ).toEqual({
      url: "https://example.com/hook",
      description: "",
      enabled: true,
      events: ["invitation.created", "member.removed"],
    });
  });

  it("refuses unknown events, no events, unknown fields and an empty edit", () => {
    expect(createWebhookEndpointSchema.safeParse({ url: "https://e.com", events: [] }).success).toBe(false);
    expect(createWebhookEndpointSchema.safeParse({ url: "https://e.com", events: ["team.deleted"] }).success).toBe(
      false,
    );
    expect(
      createWebhookEndpointSchema.safeParse({ url: "https://e.com", events: ["member.joined"], secret: "x" }).success,
    ).toBe(false);
    expect(updateWebhookEndpointSchema.safeParse({}).success).toBe(false);
    expect(updateWebhookEndpointSchema.parse({ enabled: false })).toEqual({ enabled: false });
  });
});
