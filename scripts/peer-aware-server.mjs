import { createServer } from "node:http";
import { refuseOversizedBody } from "./limit-request-body.mjs";

/**
 * An HTTP server that appends the socket's address to X-Forwarded-For before `handle` sees it,
 * as a proxy does. `next start` only fills that header when the client sent none, so without
 * this a client could pick its own rate-limit bucket (lib/auth/parse-client-address.ts). Bodies
 * over their path's limit are refused before Next.js reads them (limit-request-body.mjs), and so
 * are server actions that Next.js would forward or cannot find, when `refuseStrayAction` is given
 * (refuse-stray-server-action.mjs).
 */
export function createPeerAwareServer(handle, { refuseStrayAction = () => false } = {}) {
  return createServer((request, response) => {
    if (refuseOversizedBody(request, response)) return;
    if (refuseStrayAction(request, response)) return;
    const peer = request.socket.remoteAddress ?? "unknown";
    const prior = request.headers["x-forwarded-for"];
    request.headers["x-forwarded-for"] = prior ? `${prior}, ${peer}` : peer;
    return handle(request, response);
  });
}
