import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedWebhook = { headers: IncomingHttpHeaders; body: string; status: number };

/**
 * A local endpoint for webhook tests: answers each request with the next status of `statuses`
 * (then the last one for ever) and records what it received and what it answered.
 */
export async function startWebhookReceiver(statuses: number[] = [204], { delayMs = 0 } = {}) {
  const received: ReceivedWebhook[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const status = statuses[Math.min(received.length, statuses.length - 1)]!;
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8"), status });
      setTimeout(() => response.writeHead(status).end(), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    /** Requests this endpoint acknowledged with a 2xx. */
    acknowledged: () => received.filter((request) => request.status >= 200 && request.status < 300),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
