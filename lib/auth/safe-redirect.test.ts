import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toSafeRedirectPath } from "./safe-redirect";

const APP_URL = "https://teamgate.example.com";

/** What a browser does with a Location header or `location.assign(path)` on our page (WHATWG URL). */
const resolveLikeBrowser = (path: string) => new URL(path, `${APP_URL}/sign-in?callbackUrl=x`);

describe("toSafeRedirectPath", () => {
  it.each([
    "//evil.com",
    "/\\evil.com",
    "https:evil.com",
    "https://evil.com/teams",
    "javascript:alert(1)",
    "evil.com",
    "\t//evil.com",
    "/.//evil.com",
    "/..//evil.com",
    "/x/..//evil.com",
    "/%2e//evil.com",
    "/%2E%2e//evil.com",
    "/./\\evil.com",
    "/a/b/../..//evil.com",
    "/.\t/evil.com",
    "",
    null,
  ])("sends %j to /", (input) => {
    expect(toSafeRedirectPath(input)).toBe("/");
  });

  it.each(["/teams/acme/settings/invitations", "/invite/tgi_abc?x=1#y", "/", "/teams/acme?q=//evil.com"])(
    "keeps the same-origin path %j",
    (input) => {
      expect(toSafeRedirectPath(input)).toBe(input);
    },
  );

  it("normalises dot segments that stay on the site", () => {
    expect(toSafeRedirectPath("/teams/./acme/../acme")).toBe("/teams/acme");
  });

  // Pieces that have produced open redirects somewhere: slashes, backslashes, dot segments
  // (plain and percent-encoded), schemes, control characters, userinfo and host-looking text.
  const piece = fc.constantFrom(
    "/",
    "//",
    "\\",
    "/\\",
    ".",
    "..",
    "%2e",
    "%2E",
    "%2f",
    "%5c",
    "%09",
    "%00",
    ":",
    "@",
    "?",
    "#",
    "evil.com",
    "evil.com:443",
    "javascript:",
    "https:",
    "http:",
    "data:",
    "\t",
    "\n",
    "\r",
    " ",
    "\u0000",
    "\u3002",
    "x",
    "teams",
    "a/b",
    "%",
  );
  const candidate = fc.oneof(
    fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join("")),
    fc.array(piece, { maxLength: 12 }).map((pieces) => `/${pieces.join("")}`),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: "grapheme-ascii", maxLength: 40 }).map((text) => `/${text}`),
  );

  it("returns only paths a browser resolves to the app's own origin, and keeps them as they are", () => {
    fc.assert(
      fc.property(candidate, (input) => {
        const output = toSafeRedirectPath(input);
        const resolved = resolveLikeBrowser(output);
        expect(resolved.origin).toBe(APP_URL);
        // Resolving again changes nothing: what we return is what the browser will follow.
        expect(`${resolved.pathname}${resolved.search}${resolved.hash}`).toBe(output);
        expect(toSafeRedirectPath(output)).toBe(output);
      }),
      { numRuns: 10_000 },
    );
  });
});
