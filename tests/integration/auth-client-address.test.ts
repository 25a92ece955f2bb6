import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { createPeerAwareServer } from "@/scripts/peer-aware-server.mjs";
import { startWithinOneWindow } from "../helpers/rate-limit-window";
import { getTestDatabase } from "../helpers/test-database";

vi.hoisted(() => {
  process.env.TRUSTED_PROXY_HOPS = "0";
  process.env.INVITE_PAGE_REQUESTS_PER_MINUTE = "5";
  process.env.SIGN_IN_FAILURES_PER_15_MINUTES = "2";
});

const { proxy } = await import("@/proxy");
const { authOptions } = await import("@/lib/auth/auth-options");
const { parseClientAddress } = await import("@/lib/auth/parse-client-address");
const { db } = getTestDatabase();

/** What the app sees in X-Forwarded-For behind scripts/start-server.mjs, for a client at 203.0.113.50 sending `spoof`. */
const behindStartServer = (spoof: string) => `${spoof}, 203.0.113.50`;

describe("client address with no trusted proxy (TRUSTED_PROXY_HOPS=0)", () => {
  it("npm start's server appends the socket address, so a rotated header still yields the socket's", async () => {
    const server = createPeerAwareServer((request, response) =>
      response.end(String(request.headers["x-forwarded-for"])),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const seen = new Set<string>();
      for (let i = 0; i < 5; i += 1) {
        const forwarded = await (
          await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-forwarded-for": `198.51.100.${i}` } })
        ).text();
        expect(forwarded).toBe(`198.51.100.${i}, 127.0.0.1`);
        seen.add(parseClientAddress(forwarded, 0));
      }
      const bare = await (await fetch(`http://127.0.0.1:${port}/`)).text();
      seen.add(parseClientAddress(bare, 0));
      expect([...seen]).toEqual(["127.0.0.1"]);
    } finally {
      server.close();
    }
  });

  it("the invitation pages' limit holds while the client rotates X-Forwarded-For", async () => {
    await startWithinOneWindow(db, 60, 10);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      const request = new NextRequest(`http://localhost/invite/tgi_guess${i}`, {
        headers: { "x-forwarded-for": behindStartServer(`198.51.100.${i}`) },
      });
      statuses.push((await proxy(request)).status);
    }
    expect(statuses.slice(0, 5).every((status) => status === 200)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const elsewhere = new NextRequest("http://localhost/invite/tgi_x", {
      headers: { "x-forwarded-for": "203.0.113.51" },
    });
    expect((await proxy(elsewhere)).status).toBe(200);
  });

  it("the sign-in limit per address holds while the client rotates X-Forwarded-For", async () => {
    const provider = authOptions.providers[0] as unknown as {
      options: {
        authorize: (
          credentials: Record<string, string>,
          request: { headers: Record<string, string> },
        ) => Promise<unknown>;
      };
    };
    const attempt = (i: number) =>
      provider.options.authorize(
        { email: `nobody-${i}@example.com`, password: "wrong password" },
        { headers: { "x-forwarded-for": `${i}.${i}.${i}.${i}, 203.0.113.60` } },
      );
    // Five times the per-account limit of 2 per address; each guess names a new account.
    for (let i = 1; i <= 10; i += 1) expect(await attempt(i)).toBeNull();
    await expect(attempt(11)).rejects.toThrow("TooManyAttempts");
  });
});
