import bodyLimits from "../lib/api/body-limits.json" with { type: "json" };

/** The largest body a path may carry (the same numbers the route handlers enforce themselves). */
export function bodyLimitFor(pathname) {
  if (pathname.startsWith("/api/webhooks/")) return bodyLimits.webhookBytes;
  if (pathname.startsWith("/api/")) return bodyLimits.apiBytes;
  return bodyLimits.otherBytes;
}

function refuse(response, status, pathname, detail) {
  const api = pathname.startsWith("/api/v1/");
  const title = status === 413 ? "Request body too large" : "Length required";
  const body = api
    ? JSON.stringify({
        type: `https://teamgate.dev/problems/${status === 413 ? "payload-too-large" : "length-required"}`,
        title,
        status,
        detail,
      })
    : `${title}: ${detail}\n`;
  // Connection: close, so Node does not read (and discard) the rest of the body to reuse the socket.
  response.writeHead(status, {
    "Content-Type": api ? "application/problem+json" : "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    Connection: "close",
  });
  response.end(body);
}

/**
 * Caps request bodies before Next.js reads a byte of them, so no path (server actions, sign-in,
 * webhooks, the API) can be made to buffer or drain a huge body, and an oversized server-action
 * body gets a clean 413 instead of Next's 500. A declared Content-Length over the path's limit is
 * refused at once. A body without a declared length (chunked) is left to the route handlers under
 * /api/, which stop reading at their limit; anywhere else browsers always declare the length, so
 * one that does not is refused with 411 (except Next's own forwarded actions). Answers and returns true when it refused the request.
 */
export function refuseOversizedBody(request, response) {
  const declared = request.headers["content-length"];
  const chunked = request.headers["transfer-encoding"] !== undefined;
  if (declared === undefined && !chunked) return false;
  // Resolved like the router resolves it, so "/api/v1/../teams" is judged as "/teams".
  const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
  const limit = bodyLimitFor(pathname);
  if (declared !== undefined && Number(declared) > limit) {
    refuse(response, 413, pathname, `Bodies on this path are limited to ${limit} bytes.`);
    return true;
  }
  // Next.js forwards a server action posted to the wrong page to itself with a chunked body;
  // proxy.ts refuses that forwarded request (409), so it must reach it. Its body is capped by
  // experimental.proxyClientMaxBodySize and the declared-length check of the original request.
  const forwardedAction = request.headers["x-action-forwarded"] !== undefined;
  if (declared === undefined && !pathname.startsWith("/api/") && !forwardedAction) {
    refuse(response, 411, pathname, "Send a Content-Length with the body.");
    return true;
  }
  return false;
}
