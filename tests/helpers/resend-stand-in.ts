import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedEmail = { from: string; to: string[]; subject: string; html: string; text: string };
export type RecordedRequest = {
  path: string;
  idempotencyKey: string | null;
  authorization: string | null;
  batchValidation: string | null;
  emails: RecordedEmail[];
};

/** What the next request gets instead of success. */
export type Fault =
  /** Answers normally, so that the faults queued after it hit later requests. */
  | { kind: "none" }
  | { kind: "status"; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: "hang" }
  /** Drops the connection without an answer: a network failure. */
  | { kind: "reset" }
  /** Delivers, then never answers: the timeout case where a retry must not send twice. */
  | { kind: "deliver-then-hang" }
  | { kind: "error-body"; status: number; name: string; message: string };

/**
 * A local stand-in for Resend's HTTP API (POST /emails, POST /emails/batch), so tests drive
 * the real SDK. Like Resend it records what it delivered; replays an idempotency key with
 * the same body (same answer, no second delivery) and refuses one with another body (409
 * invalid_idempotent_request); validates batches strictly unless `x-batch-validation:
 * permissive` (then the valid emails go out and the others come back in `errors`). It can be
 * told to fail the next requests, to fail every request for a while (an outage), or to refuse
 * some recipients.
 */
export async function startResendStandIn() {
  const requests: RecordedRequest[] = [];
  const delivered: Array<RecordedEmail & { id: string; idempotencyKey: string | null }> = [];
  const replies = new Map<string, { fingerprint: string; reply: unknown }>();
  const faults: Fault[] = [];
  const refusedRecipients = new Map<string, string>();
  const hanging: ServerResponse[] = [];
  let outage: Fault | null = null;

  const server: Server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString("utf8");
    const body = JSON.parse(rawBody || "null") as RecordedEmail | RecordedEmail[];
    const path = request.url ?? "";
    const idempotencyKey = (request.headers["idempotency-key"] as string | undefined) ?? null;
    const batchValidation = (request.headers["x-batch-validation"] as string | undefined) ?? null;
    const emails = Array.isArray(body) ? body : [body];
    requests.push({
      path,
      idempotencyKey,
      authorization: request.headers.authorization ?? null,
      batchValidation,
      emails,
    });

    const fault = outage ?? faults.shift();
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { "Content-Type": "application/json", ...headers });
      response.end(JSON.stringify(payload));
    };
    const error = (status: number, name: string, message: string) =>
      send(status, { statusCode: status, name, message });
    if (fault?.kind === "hang") {
      hanging.push(response);
      return;
    }
    if (fault?.kind === "reset") {
      request.socket.destroy();
      return;
    }
    if (fault?.kind === "status")
      return send(
        fault.status,
        fault.body ?? { statusCode: fault.status, name: "application_error", message: `HTTP ${fault.status}` },
        fault.headers,
      );
    if (fault?.kind === "error-body") return error(fault.status, fault.name, fault.message);

    const replayKey = idempotencyKey ? `${path} ${idempotencyKey}` : null;
    const fingerprint = createHash("sha256").update(rawBody).digest("hex");
    const previous = replayKey ? replies.get(replayKey) : undefined;
    if (previous && previous.fingerprint !== fingerprint) {
      return error(409, "invalid_idempotent_request", "Same idempotency key used with a different request payload.");
    }
    if (previous) return send(200, previous.reply);

    const refusals = emails.flatMap((email, index) => {
      const reason = email.to.map((to) => refusedRecipients.get(to)).find((r) => r !== undefined);
      return reason === undefined ? [] : [{ index, message: reason }];
    });
    const permissive = path === "/emails/batch" && batchValidation === "permissive";
    if (refusals.length > 0 && !permissive) return error(422, "validation_error", refusals[0]!.message);

    const accepted = emails.filter((_, index) => !refusals.some((r) => r.index === index));
    const ids = accepted.map(() => randomUUID());
    accepted.forEach((email, index) => delivered.push({ ...email, id: ids[index]!, idempotencyKey }));
    const reply =
      path === "/emails/batch"
        ? { data: ids.map((id) => ({ id })), ...(permissive ? { errors: refusals } : {}) }
        : { id: ids[0] };
    if (replayKey) replies.set(replayKey, { fingerprint, reply });
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
    /** Every request gets this fault until `endOutage()` (queued faults wait until then). */
    startOutage: (fault: Fault) => {
      outage = fault;
    },
    endOutage: () => {
      outage = null;
    },
    /** Every later email to this address fails validation, as Resend does for a bad field. */
    refuseRecipient: (address: string, message: string) => refusedRecipients.set(address, message),
    reset: () => {
      requests.length = 0;
      delivered.length = 0;
      faults.length = 0;
      refusedRecipients.clear();
      outage = null;
    },
    close: async () => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
