import "server-only";
import bodyLimits from "./body-limits.json";
import { problem } from "./problem";
import { readBodyBytes } from "./read-body-bytes";

export const MAX_BODY_BYTES = bodyLimits.apiBytes;

type BodyRead = { ok: true; body: unknown } | { ok: false; response: Response };

/** The body as parsed JSON, or the problem response that explains why not. */
export async function readJsonBody(request: Request): Promise<BodyRead> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    return { ok: false, response: problem("UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json.") };
  }
  const bytes = await readBodyBytes(request, MAX_BODY_BYTES);
  if (!bytes)
    return { ok: false, response: problem("PAYLOAD_TOO_LARGE", `Bodies are limited to ${MAX_BODY_BYTES} bytes.`) };
  try {
    return { ok: true, body: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) };
  } catch {
    return { ok: false, response: problem("MALFORMED_JSON", "The body could not be parsed as UTF-8 JSON.") };
  }
}
