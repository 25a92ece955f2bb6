import { describe, expect, it } from "vitest";
import { invitationEventData, isWebhookEventType, WEBHOOK_EVENT_TYPES } from "./webhook-events";

describe("webhook events", () => {
  it("an invitation event carries the invitation's id, address and role, nothing else (never a token)", () => {
    const data = invitationEventData({
      id: "i1",
      teamId: "t1",
      email: "ada@example.com",
      roleId: "r1",
      tokenHash: "secret",
    } as Parameters<typeof invitationEventData>[0]);
    expect(data).toEqual({ teamId: "t1", invitation: { id: "i1", email: "ada@example.com", roleId: "r1" } });
  });

  it("knows the seven event types", () => {
    expect(WEBHOOK_EVENT_TYPES).toHaveLength(7);
    expect(isWebhookEventType("invitation.expired")).toBe(true);
    expect(isWebhookEventType("invitation.deleted")).toBe(false);
  });
});
