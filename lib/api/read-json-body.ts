import "server-only";
import { problem } from "./problem";

export const MAX_BODY_BYTES = 256 * 1024;

type BodyRead = { ok: true; body: unknown } | { ok: false; response: Response };

const tooLarge = (): BodyRead => ({ ok: false, response: problem("PAYLOAD_TOO_LARGE", `Bodies are limited to ${MAX_BODY_BYTES} bytes.`) });

/** The body's bytes, read from the stream until the limit and no further; null past it, whatever Content-Length claimed. */
async function readLimited(body: ReadableStream<Uint8Array> | null): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The body as parsed JSON, or the problem response that explains why not. */
export async function readJsonBody(request: Request): Promise<BodyRead> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    return { ok: false, response: problem("UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json.") };
  }
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return tooLarge();
  const bytes = await readLimited(request.body);
  if (!bytes) return tooLarge();
  try {
    return { ok: true, body: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) };
  } catch {
    return { ok: false, response: problem("MALFORMED_JSON", "The body could not be parsed as UTF-8 JSON.") };
  }
}
