import { describe, expect, it } from "vitest";
import { readCookieHeader } from "./read-cookie-header";

describe("readCookieHeader", () => {
  it("finds one cookie by its exact name", () => {
    const header = "a=1; teamgate-sign-in-device=abc.def; x-teamgate-sign-in-device=forged";
    expect(readCookieHeader(header, "teamgate-sign-in-device")).toBe("abc.def");
    expect(readCookieHeader(header, "missing")).toBeNull();
    expect(readCookieHeader(undefined, "a")).toBeNull();
    expect(readCookieHeader(["a=1"], "a")).toBeNull();
  });
});
