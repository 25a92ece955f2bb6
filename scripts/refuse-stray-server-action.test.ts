import { describe, expect, it } from "vitest";
import { createPageResolver, refusalFor } from "./refuse-stray-server-action.mjs";

// Shaped like a build's routes-manifest.json and app-path-routes-manifest.json.
const routes = {
  basePath: "",
  staticRoutes: [
    { page: "/", regex: "^/(?:/)?$" },
    { page: "/invite/continue", regex: "^/invite/continue(?:/)?$" },
    { page: "/_not-found", regex: "^/_not\\-found(?:/)?$" },
  ],
  dynamicRoutes: [
    { page: "/api/v1/teams/[team]/invitations", regex: "^/api/v1/teams/([^/]+?)/invitations(?:/)?$" },
    { page: "/invite/[token]", regex: "^/invite/([^/]+?)(?:/)?$" },
    { page: "/teams/[slug]", regex: "^/teams/([^/]+?)(?:/)?$" },
  ],
};
const appPaths = {
  "/(app)/page": "/",
  "/invite/continue/page": "/invite/continue",
  "/invite/[token]/page": "/invite/[token]",
  "/(app)/teams/[slug]/page": "/teams/[slug]",
  "/api/v1/teams/[team]/invitations/route": "/api/v1/teams/[team]/invitations",
  "/_not-found/page": "/_not-found",
};

describe("createPageResolver", () => {
  const resolve = createPageResolver(routes, appPaths);

  it("names the page Next.js renders, as the server-reference manifest keys it", () => {
    expect(resolve("/")).toBe("app/(app)/page");
    expect(resolve("/teams/acme")).toBe("app/(app)/teams/[slug]/page");
    expect(resolve("/teams/acme/")).toBe("app/(app)/teams/[slug]/page");
    expect(resolve(`/invite/tgi_${"A".repeat(43)}`)).toBe("app/invite/[token]/page");
  });

  it("prefers a static route over a dynamic one that also matches", () => {
    expect(resolve("/invite/continue")).toBe("app/invite/continue/page");
  });

  it("sends unknown paths to the not-found page and route handlers nowhere", () => {
    expect(resolve("/no/such/page")).toBe("app/_not-found/page");
    expect(resolve("/api/v1/teams/acme/invitations")).toBeNull();
  });
});

describe("refusalFor", () => {
  it("answers like Next.js: 409 for an id shaped like one, 400 for anything else", () => {
    expect(refusalFor("40cfcd1a6cc4a2ab5c7cee35954bb85f2bf35d187c")).toEqual({
      status: 409,
      body: "Server Action unavailable.",
    });
    expect(refusalFor("x")).toEqual({ status: 400, body: "Invalid Server Action request." });
  });
});
