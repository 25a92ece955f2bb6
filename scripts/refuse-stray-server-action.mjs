import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

// A server action is a POST with a `Next-Action` header naming an id from the build's
// server-reference manifest. Posted to a page that does not hold that action, Next.js forwards the
// request from the server to itself (to the first page that does), streaming the original body
// into a fetch that ends early: Node then reports `uncaughtException: Error: aborted` for every
// such request, and an unknown id is logged as an error. Teamgate's pages post only their own
// actions, so both are crafted requests; the server `npm start` runs refuses them before Next.js
// sees them, with the answer Next.js itself gives an action it cannot find.

/** Next.js's own answer to an unavailable action: 409 (400 for an id not even shaped like one). */
export function refusalFor(actionId) {
  const wellFormed = /^[0-9a-f]{42}$/.test(actionId);
  return wellFormed
    ? { status: 409, body: "Server Action unavailable." }
    : { status: 400, body: "Invalid Server Action request." };
}

/**
 * Which page Next.js renders for a path, as its router resolves it: static routes first, then the
 * dynamic ones in the manifest's order (already sorted by specificity); anything else is the
 * not-found page. Returns the page's bundle name (`app/(app)/teams/[slug]/page`), the key the
 * server-reference manifest lists an action's pages under, or null for a route handler.
 */
export function createPageResolver(routesManifest, appPathRoutes) {
  const bundleOf = new Map();
  for (const [bundle, route] of Object.entries(appPathRoutes)) {
    // Route handlers (`…/route`) never run server actions.
    if (bundle.endsWith("/page")) bundleOf.set(route, `app${bundle}`);
    else bundleOf.set(route, null);
  }
  const routes = [...routesManifest.staticRoutes, ...routesManifest.dynamicRoutes].map((route) => ({
    page: route.page,
    regex: new RegExp(route.regex),
  }));
  const basePath = routesManifest.basePath ?? "";
  return (pathname) => {
    let path = pathname;
    if (basePath && (path === basePath || path.startsWith(`${basePath}/`))) path = path.slice(basePath.length) || "/";
    const route = routes.find(({ regex }) => regex.test(path));
    const page = route?.page ?? "/_not-found";
    return bundleOf.has(page) ? bundleOf.get(page) : "app/_not-found/page";
  };
}

/**
 * A guard for the production server: `(request, response) => boolean`, true when it answered.
 * It reads the build's manifests once; without them (no server actions) it lets everything by.
 */
export function createStrayActionGuard(distDir) {
  const file = (name) => join(distDir, name);
  if (
    !["server/server-reference-manifest.json", "routes-manifest.json", "app-path-routes-manifest.json"].every((name) =>
      existsSync(file(name)),
    )
  ) {
    return () => false;
  }
  const actions = JSON.parse(readFileSync(file("server/server-reference-manifest.json"), "utf8")).node ?? {};
  const resolvePage = createPageResolver(
    JSON.parse(readFileSync(file("routes-manifest.json"), "utf8")),
    JSON.parse(readFileSync(file("app-path-routes-manifest.json"), "utf8")),
  );
  return (request, response) => refuseStrayAction(request, response, { actions, resolvePage });
}

/** Answers (and returns true) when a server action names an unknown id or a page that does not hold it. */
export function refuseStrayAction(request, response, { actions, resolvePage }) {
  const actionId = request.headers["next-action"];
  if (request.method !== "POST" || typeof actionId !== "string") return false;
  // The server's own forwarded leg (only reachable when this guard let the first one through).
  if (request.headers["x-action-forwarded"] !== undefined) return false;
  const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
  const page = resolvePage(pathname);
  if (page === null) return false;
  const action = Object.hasOwn(actions, actionId) ? actions[actionId] : undefined;
  if (action && Object.hasOwn(action.workers ?? {}, page)) return false;
  const { status, body } = refusalFor(actionId);
  // Connection: close, so Node does not drain the body to reuse the socket.
  response.writeHead(status, {
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    "x-nextjs-action-not-found": "1",
    Connection: "close",
  });
  response.end(body);
  return true;
}
