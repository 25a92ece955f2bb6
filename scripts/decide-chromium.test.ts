import { describe, expect, it } from "vitest";
import { CHROMIUM_INSTALL_COMMAND, DEFAULT_CHROMIUM_PATH, decideChromium } from "./decide-chromium.mjs";

const nothing = () => false;
const only = (path: string) => (candidate: string) => candidate === path;

describe("decideChromium", () => {
  it("uses Debian's chromium when it is installed", () => {
    expect(decideChromium({ exists: only(DEFAULT_CHROMIUM_PATH), isRoot: false, hasAptGet: false })).toEqual({
      action: "use",
      path: DEFAULT_CHROMIUM_PATH,
    });
  });

  it("uses CHROMIUM_PATH when it names an existing binary", () => {
    expect(
      decideChromium({
        configuredPath: "/opt/chrome/chrome",
        exists: only("/opt/chrome/chrome"),
        isRoot: true,
        hasAptGet: true,
      }),
    ).toEqual({
      action: "use",
      path: "/opt/chrome/chrome",
    });
  });

  it("fails at once, naming the variable, when CHROMIUM_PATH points at a missing file", () => {
    // Even as root with apt-get: installing Debian's package would not put a binary at that path.
    for (const isRoot of [true, false]) {
      const decision = decideChromium({
        configuredPath: "/nowhere/chromium",
        exists: only(DEFAULT_CHROMIUM_PATH),
        isRoot,
        hasAptGet: true,
      });
      expect(decision).toEqual({
        action: "fail",
        message: expect.stringContaining("CHROMIUM_PATH is /nowhere/chromium, which does not exist"),
      });
    }
  });

  it("installs Debian's chromium when it is missing and this process may install packages", () => {
    expect(decideChromium({ exists: nothing, isRoot: true, hasAptGet: true })).toEqual({
      action: "install",
      path: DEFAULT_CHROMIUM_PATH,
      command: "apt-get update && apt-get install -y chromium",
      message: expect.stringContaining(CHROMIUM_INSTALL_COMMAND),
    });
  });

  it("gives the exact command when it is missing and this process may not install it", () => {
    const decision = decideChromium({ exists: nothing, isRoot: false, hasAptGet: true });
    expect(decision).toEqual({
      action: "fail",
      message: expect.stringContaining("sudo sh -c 'apt-get update && apt-get install -y chromium'"),
    });
  });

  it("asks for CHROMIUM_PATH where there is no apt-get", () => {
    for (const isRoot of [true, false]) {
      const decision = decideChromium({ exists: nothing, isRoot, hasAptGet: false });
      expect(decision).toEqual({ action: "fail", message: expect.stringContaining("set CHROMIUM_PATH") });
    }
  });
});
