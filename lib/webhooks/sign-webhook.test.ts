import { Webhook } from "svix";
import { describe, expect, it } from "vitest";
import { generateWebhookSecret, isWellFormedWebhookSecret, signWebhook } from "./sign-webhook";

describe("signWebhook", () => {
  const body = JSON.stringify({ type: "invitation.created", timestamp: "2026-11-28T12:00:00.000Z", data: { a: 1 } });

  it("produces headers Svix's own verifier accepts", () => {
    const secret = generateWebhookSecret();
    const headers = signWebhook({ id: "msg_1", body, secrets: [secret], timestamp: new Date() });
    expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it("is refused for a tampered body, another secret or a stale timestamp", () => {
    const secret = generateWebhookSecret();
    const headers = signWebhook({ id: "msg_1", body, secrets: [secret], timestamp: new Date() });
    expect(() => new Webhook(secret).verify(body.replace("a", "b"), headers)).toThrow();
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow();
    const stale = signWebhook({ id: "msg_1", body, secrets: [secret], timestamp: new Date(Date.now() - 10 * 60_000) });
    expect(() => new Webhook(secret).verify(body, stale)).toThrow();
  });

  it("signs with every secret during a rotation, so either one verifies", () => {
    const [older, newer] = [generateWebhookSecret(), generateWebhookSecret()];
    const headers = signWebhook({ id: "msg_2", body, secrets: [newer, older], timestamp: new Date() });
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(new Webhook(older).verify(body, headers)).toBeTruthy();
    expect(new Webhook(newer).verify(body, headers)).toBeTruthy();
  });

  it("makes distinct, well-formed secrets", () => {
    const secrets = new Set(Array.from({ length: 20 }, generateWebhookSecret));
    expect(secrets.size).toBe(20);
    for (const secret of secrets) expect(isWellFormedWebhookSecret(secret)).toBe(true);
  });
});
