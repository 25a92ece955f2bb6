import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.APP_URL = "https://teamgate.example.com";
  process.env.INVITE_PAGE_REQUESTS_PER_MINUTE = "1";
});

const { proxy } = await import("@/proxy");
const { buildContentSecurityPolicy } = await import("@/lib/security/content-security-policy");

const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];

describe("security headers behind an https APP_URL", () => {
  it("every page gets HSTS and a strict CSP whose nonce is fresh per response and handed to Next for its scripts", async () => {
    const responses = await Promise.all([
      proxy(new NextRequest("https://teamgate.example.com/sign-in")),
      proxy(new NextRequest("https://teamgate.example.com/teams/acme")),
    ]);
    for (const response of responses) {
      expect(response.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
      const policy = response.headers.get("content-security-policy");
      expect(policy).toContain("upgrade-insecure-requests");
      expect(policy).toContain("'strict-dynamic'");
      expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
      // NextResponse.next({ request: { headers } }) passes the policy on to the render, which reads the nonce from it.
      expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    }
    const [first, second] = responses.map((response) => nonceOf(response.headers.get("content-security-policy")));
    expect(first).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(first).not.toBe(second);
  });

  it("the invitation pages' 429 carries them too", async () => {
    const request = () =>
      new NextRequest("https://teamgate.example.com/invite/tgi_x", { headers: { "x-forwarded-for": "203.0.113.90" } });
    await proxy(request());
    const refused = await proxy(request());
    expect(refused.status).toBe(429);
    expect(refused.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(refused.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("development alone allows eval (React's dev tooling), and plain http gets no upgrade", () => {
    expect(buildContentSecurityPolicy({ nonce: "n", development: true, https: false })).toContain("'unsafe-eval'");
    expect(buildContentSecurityPolicy({ nonce: "n", development: false, https: false })).not.toMatch(
      /unsafe-eval|upgrade-insecure-requests/,
    );
  });
});
