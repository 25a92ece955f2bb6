import { describe, expect, it } from "vitest";

const { createSealer } = await import("@/lib/crypto/seal-secret");
const { sealInvitationToken, unsealInvitationToken } = await import("@/lib/crypto/invitation-token");
const { sealWebhookSecret, unsealWebhookSecret } = await import("@/lib/webhooks/seal-webhook-secret");

describe("sealed secrets", () => {
  it("read back only under the same purpose, and never once tampered with", () => {
    const sealed = createSealer("test/v1").seal("whsec_abc");
    expect(sealed).not.toContain("whsec_abc");
    expect(createSealer("test/v1").unseal(sealed)).toBe("whsec_abc");
    expect(createSealer("other/v1").unseal(sealed)).toBeNull();
    const [version, iv, body, tag] = sealed.split(".");
    const flipped = body!.startsWith("A") ? `B${body!.slice(1)}` : `A${body!.slice(1)}`;
    expect(createSealer("test/v1").unseal([version, iv, flipped, tag].join("."))).toBeNull();
    expect(createSealer("test/v1").unseal("not sealed")).toBeNull();
  });

  it("keep invitation tokens and webhook secrets apart: each key opens only its own", () => {
    const token = sealInvitationToken("tgi_token");
    const secret = sealWebhookSecret("whsec_secret");
    expect(unsealInvitationToken(token)).toBe("tgi_token");
    expect(unsealWebhookSecret(secret)).toBe("whsec_secret");
    expect(unsealWebhookSecret(token)).toBeNull();
    expect(unsealInvitationToken(secret)).toBeNull();
  });
});
