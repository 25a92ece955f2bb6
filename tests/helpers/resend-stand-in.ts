import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedEmail = { from: string; to: string[]; subject: string; html: string; text: string };
export type RecordedRequest = { path: string; idempotencyKey: string | null; authorization: string | null; emails: RecordedEmail[] };

/** What the next request gets instead of success. */
export type Fault =
  | { kind: "status"; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: "hang" }
  /** Delivers, then never answers: the timeout case where a retry must not send twice. */
  | { kind: "deliver-then-hang" }
  | { kind: "error-body"; status: number; name: string; message: string };

/**
 * A local stand-in for Resend's HTTP API (POST /emails, POST /emails/batch), so tests drive
 * the real SDK. It records what it delivered, replays idempotency keys like Resend does
 * (same answer, no second delivery), and can be told to fail.
 */
export async function startResendStandIn() {
  const requests: RecordedRequest[] = [];
  const delivered: Array<RecordedEmail & { id: string; idempotencyKey: string | null }> = [];
  const replies = new Map<string, unknown>();
  const faults: Fault[] = [];
  const hanging: ServerResponse[] = [];

  const server: Server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "null") as RecordedEmail | RecordedEmail[];
    const path = request.url ?? "";
    const idempotencyKey = (request.headers["idempotency-key"] as string | undefined) ?? null;
    const emails = Array.isArray(body) ? body : [body];
    requests.push({ path, idempotencyKey, authorization: request.headers.authorization ?? null, emails });

    const fault = faults.shift();
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { "Content-Type": "application/json", ...headers });
      response.end(JSON.stringify(payload));
    };
    if (fault?.kind === "hang") {
      hanging.push(response);
      return;
    }
    if (fault?.kind === "status") return send(fault.status, fault.body ?? { statusCode: fault.status, name: "application_error", message: `HTTP ${fault.status}` }, fault.headers);
    if (fault?.kind === "error-body") return send(fault.status, { statusCode: fault.status, name: fault.name, message: fault.message });

    const replayKey = idempotencyKey ? `${path} ${idempotencyKey}` : null;
    if (replayKey && replies.has(replayKey)) return send(200, replies.get(replayKey));
    const ids = emails.map(() => randomUUID());
    emails.forEach((email, index) => delivered.push({ ...email, id: ids[index]!, idempotencyKey }));
    const reply = path === "/emails/batch" ? { data: ids.map((id) => ({ id })) } : { id: ids[0] };
    if (replayKey) replies.set(replayKey, reply);
    if (fault?.kind === "deliver-then-hang") {
      hanging.push(response);
      return;
    }
    send(200, reply);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    delivered,
    failNext: (...next: Fault[]) => faults.push(...next),
    reset: () => {
      requests.length = 0;
      delivered.length = 0;
      faults.length = 0;
    },
    close: async () => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
