import { describe, expect, it } from "vitest";
import { toSafeRedirectPath } from "./safe-redirect";

describe("toSafeRedirectPath", () => {
  it.each([
    "//evil.com",
    "/\\evil.com",
    "https:evil.com",
    "https://evil.com/teams",
    "javascript:alert(1)",
    "evil.com",
    "\t//evil.com",
    "",
    null,
  ])("sends %j to /", (input) => {
    expect(toSafeRedirectPath(input)).toBe("/");
  });

  it.each(["/teams/acme/settings/invitations", "/invite/tgi_abc?x=1#y", "/"])("keeps the same-origin path %j", (input) => {
    expect(toSafeRedirectPath(input)).toBe(input);
  });
});
