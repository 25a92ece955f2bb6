import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, readJsonBody } from "./read-json-body";

const CHUNK = 64 * 1024;

/** A body of `total` bytes that counts how much of it was pulled. */
function countingStream(total: number) {
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close();
      const size = Math.min(CHUNK, total - state.pulled);
      state.pulled += size;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
  return { stream, state };
}

function post(body: ReadableStream<Uint8Array> | Uint8Array | string, headers: Record<string, string> = {}) {
  return new Request("http://localhost/api/v1/x", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
    duplex: "half",
  } as RequestInit);
}

describe("readJsonBody", () => {
  it.each([
    ["no Content-Length (chunked)", {}],
    ["a Content-Length that lies", { "content-length": "12" }],
  ])("stops reading just past the limit with %s and answers 413", async (_label, headers) => {
    const { stream, state } = countingStream(64 * 1024 * 1024);
    const read = await readJsonBody(post(stream, headers));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.response.status).toBe(413);
    expect(state.pulled).toBeLessThanOrEqual(MAX_BODY_BYTES + 2 * CHUNK);
  });

  it("refuses a declared oversized body without reading it", async () => {
    const { stream, state } = countingStream(MAX_BODY_BYTES * 2);
    const read = await readJsonBody(post(stream, { "content-length": String(MAX_BODY_BYTES * 2) }));
    expect(read.ok ? 200 : read.response.status).toBe(413);
    expect(state.pulled).toBeLessThanOrEqual(CHUNK);
  });

  it("parses a body at the limit, streamed in chunks", async () => {
    const json = JSON.stringify({ padding: "x".repeat(MAX_BODY_BYTES - 20) });
    const bytes = new TextEncoder().encode(json);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += 1000)
          controller.enqueue(bytes.slice(offset, offset + 1000));
        controller.close();
      },
    });
    const read = await readJsonBody(post(stream));
    expect(read).toMatchObject({ ok: true, body: { padding: expect.any(String) } });
  });

  it.each([
    ["malformed JSON", "{nope", 400],
    ["an empty body", "", 400],
    ["invalid UTF-8", new Uint8Array([0x22, 0xff, 0x22]), 400],
    ["valid JSON", '{"a":1}', 200],
  ])("answers %s", async (_label, body, status) => {
    const read = await readJsonBody(post(body));
    expect(read.ok ? 200 : read.response.status).toBe(status);
  });

  it("answers 415 for anything but JSON", async () => {
    const read = await readJsonBody(post("{}", { "content-type": "text/plain" }));
    expect(read.ok ? 200 : read.response.status).toBe(415);
  });
});
