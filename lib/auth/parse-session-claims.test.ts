import { describe, expect, it } from "vitest";
import { parseSessionClaims } from "./parse-session-claims";

const sub = "7f0c3a52-4a0e-4d5c-9d7e-2b1f9c1e6a10";
const sid = "0b9d8c7e-6f5a-4b3c-8d2e-1f0a9b8c7d6e";

describe("parseSessionClaims", () => {
  it("reads the user, the session and when the password was typed", () => {
    expect(parseSessionClaims({ sub, sid, authTime: 1_800_000_000, iat: 1, exp: 2 })).toEqual({
      userId: sub,
      sessionId: sid,
      authTime: 1_800_000_000,
    });
  });

  it.each([{ sub }, { sub, sid: "not-a-uuid", authTime: 1 }, { sub, sid, authTime: "1" }, null, "token"])(
    "refuses %j",
    (token) => {
      expect(parseSessionClaims(token)).toBeNull();
    },
  );
});
