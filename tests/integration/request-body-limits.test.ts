import { connect } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPeerAwareServer } from "@/scripts/peer-aware-server.mjs";
import { bodyLimitFor } from "@/scripts/limit-request-body.mjs";
import type { NextConfig } from "next";

// The server `npm start` runs refuses oversized bodies before Next.js reads a byte of them. These
// drive it over a raw socket, the way an attacker would: a huge declared body, and one that never ends.

const { MAX_BODY_BYTES } = await import("@/lib/api/read-json-body");
const { WEBHOOK_MAX_BYTES } = await import("@/lib/email/handle-resend-webhook");
// next.config.mjs has no type declarations; the path through a variable keeps TypeScript off it.
const configPath = "@/next.config.mjs";
const { default: nextConfig } = (await import(/* @vite-ignore */ configPath)) as { default: NextConfig };

const MiB = 1024 * 1024;
const handled: Array<{ url: string; bytes: number }> = [];
let port = 0;
const server = createPeerAwareServer((request, response) => {
  let bytes = 0;
  request.on("data", (chunk: Buffer) => (bytes += chunk.length));
  request.on("end", () => {
    handled.push({ url: request.url ?? "", bytes });
    response.end(String(bytes));
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/**
 * Sends a request head, then body bytes as fast as the socket takes them, up to `offer` bytes
 * (Infinity: forever, chunk-encoded). Resolves with the answer's status line and how many body
 * bytes the client managed to hand over before the server answered and hung up.
 */
function send(path: string, { declared, offer, headers = "" }: { declared?: number; offer: number; headers?: string }) {
  return new Promise<{ status: number; sent: number; ms: number }>((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, "127.0.0.1");
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const chunked = declared === undefined;
    let sent = 0;
    let answer = "";
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      socket.destroy();
      const status = Number(answer.match(/^HTTP\/1\.1 (\d{3})/)?.[1] ?? 0);
      if (status) resolve({ status, sent, ms: Date.now() - started });
      else reject(new Error(`No answer after ${sent} bytes`));
    };
    const pump = () => {
      while (!done && sent < offer) {
        const piece = chunked
          ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")])
          : chunk;
        sent += chunk.length;
        if (!socket.write(piece)) return void socket.once("drain", pump);
      }
      if (!done && chunked && offer !== Infinity) socket.write("0\r\n\r\n");
    };
    socket.on("data", (data) => {
      answer += data.toString("latin1");
      if (/\r\n\r\n/.test(answer)) setTimeout(finish, 50);
    });
    socket.on("error", () => finish());
    socket.on("close", () => finish());
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${chunked ? "Transfer-Encoding: chunked" : `Content-Length: ${declared}`}\r\n${headers}\r\n`,
      () => pump(),
    );
  });
}

describe("request bodies are capped before the app reads them", () => {
  it("uses the limits the route handlers and Next.js use", () => {
    expect(bodyLimitFor("/api/v1/teams/acme/invitations")).toBe(MAX_BODY_BYTES);
    expect(bodyLimitFor("/api/webhooks/resend")).toBe(WEBHOOK_MAX_BYTES);
    expect(bodyLimitFor("/teams/acme/settings/invitations")).toBe(
      nextConfig.experimental?.serverActions?.bodySizeLimit,
    );
    expect(nextConfig.experimental?.proxyClientMaxBodySize).toBe(bodyLimitFor("/invite/x"));
  });

  it.each([
    ["the webhook", "/api/webhooks/resend", "svix-id: msg_1\r\n"],
    [
      "a server action",
      "/teams/acme/settings/invitations",
      "Next-Action: 0123456789abcdef\r\nContent-Type: text/plain;charset=UTF-8\r\n",
    ],
    ["the API", "/api/v1/teams/acme/invitations", "Content-Type: application/json\r\n"],
  ])(
    "%s: a declared 300 MB body is answered 413 at once, and the server takes almost none of it",
    async (_label, path, headers) => {
      const before = handled.length;
      const result = await send(path, { declared: 300 * MiB, offer: 300 * MiB, headers });
      expect(result.status).toBe(413);
      // What the client got to write is what the kernel's socket buffers hold, not the body.
      expect(result.sent).toBeLessThan(32 * MiB);
      expect(handled.length).toBe(before);
    },
  );

  it("a server action's body without a declared length that never ends is answered 411 at once", async () => {
    const result = await send("/teams/acme/settings/invitations", {
      offer: Infinity,
      headers: "Next-Action: 0123456789abcdef\r\n",
    });
    expect(result.status).toBe(411);
    expect(result.sent).toBeLessThan(32 * MiB);
  });

  it("a path that only looks like the API is judged by where it resolves", async () => {
    const result = await send("/api/v1/../../teams/acme/settings/invitations", { offer: Infinity });
    expect(result.status).toBe(411);
  });

  it("bodies within the limit reach the app whole: declared, and chunked under /api/ (whose handlers stop reading at their own limit)", async () => {
    expect(await send("/teams/acme/settings/invitations", { declared: MiB, offer: MiB })).toMatchObject({
      status: 200,
    });
    expect(handled.at(-1)).toEqual({ url: "/teams/acme/settings/invitations", bytes: MiB });
    expect(await send("/api/v1/teams/acme/invitations", { offer: 128 * 1024 })).toMatchObject({ status: 200 });
    expect(handled.at(-1)).toEqual({ url: "/api/v1/teams/acme/invitations", bytes: 128 * 1024 });
  });
});
