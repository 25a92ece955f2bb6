import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isPublicAddress } from "./webhook-target";

export const WEBHOOK_TIMEOUT_MS = 10_000;

export type WebhookResponse = { statusCode: number | null; error: string | null; durationMs: number };

/**
 * Resolves like the default, then refuses the connection when any address is internal: the
 * address is checked at the moment of connecting, so a name that resolved to a public address
 * when the endpoint was saved cannot be pointed at the internal network later (DNS rebinding).
 */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, "", 0);
    const blocked = addresses.find((entry) => !isPublicAddress(entry.address));
    if (blocked || addresses.length === 0) {
      return callback(
        Object.assign(new Error("The endpoint resolves to an internal address"), { code: "EBLOCKED" }),
        "",
        0,
      );
    }
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    return callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

/**
 * One POST of a signed event. Redirects are not followed (a 3xx is a failure, like any non-2xx),
 * the response body is drained unread, and the whole exchange is bounded by WEBHOOK_TIMEOUT_MS.
 * The error text never holds the request's headers or body.
 */
export function sendWebhook({
  url,
  headers,
  body,
  allowPrivateNetwork,
  signal,
  timeoutMs = WEBHOOK_TIMEOUT_MS,
}: {
  url: string;
  headers: Record<string, string>;
  body: string;
  allowPrivateNetwork: boolean;
  signal?: AbortSignal;
  timeoutMs?: number;
}): Promise<WebhookResponse> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const target = new URL(url);
  // An address in the URL is never looked up, so it is checked here (saving it checked it too).
  const literal = target.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivateNetwork && isIP(literal) !== 0 && !isPublicAddress(literal))
    return Promise.resolve({ statusCode: null, error: "The endpoint resolves to an internal address", durationMs: 0 });
  return new Promise((resolve) => {
    let settled = false;
    // Called only from the request's callbacks and the timer, all after `timer` is set.
    const finish = (statusCode: number | null, error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ statusCode, error, durationMs: elapsed() });
    };
    const transport = target.protocol === "https:" ? https : http;
    const request = transport.request(
      target,
      {
        method: "POST",
        headers: {
          ...headers,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body).toString(),
          "user-agent": "Teamgate-Webhooks/1",
        },
        lookup: allowPrivateNetwork ? undefined : publicOnlyLookup,
        // A fresh connection each time: a pooled socket would skip the lookup's check.
        agent: false,
        signal,
      },
      (response) => {
        response.resume();
        response.on("error", () => {});
        const status = response.statusCode ?? 0;
        finish(status, status >= 200 && status < 300 ? null : `HTTP ${status}`);
      },
    );
    const timer = setTimeout(() => {
      finish(null, `No answer within ${Math.round(timeoutMs / 1000)} s`);
      request.destroy();
    }, timeoutMs);
    request.on("error", (error: NodeJS.ErrnoException) => {
      finish(
        null,
        error.code === "EBLOCKED" ? error.message : `${error.code ?? "Error"}: ${error.message}`.slice(0, 300),
      );
    });
    request.end(body);
  });
}
