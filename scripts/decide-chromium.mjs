// Which Chromium the end-to-end tests drive, and what to do when it is missing. Pure: the caller
// passes what it found on the machine, so the decision is unit-tested without touching it.

export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";
export const CHROMIUM_INSTALL_COMMAND = "apt-get update && apt-get install -y chromium";

/**
 * @param {{ configuredPath?: string, exists: (path: string) => boolean, isRoot: boolean, hasAptGet: boolean }} machine
 *   configuredPath: CHROMIUM_PATH when set; isRoot / hasAptGet: whether Debian's package may be installed here.
 * @returns {{ action: "use", path: string }
 *   | { action: "install", path: string, command: string, message: string }
 *   | { action: "fail", message: string }}
 */
export function decideChromium({ configuredPath, exists, isRoot, hasAptGet }) {
  if (configuredPath) {
    if (exists(configuredPath)) return { action: "use", path: configuredPath };
    return {
      action: "fail",
      message: `CHROMIUM_PATH is ${configuredPath}, which does not exist. Point it at a Chromium binary, or unset it to use Debian's chromium (${DEFAULT_CHROMIUM_PATH}).`,
    };
  }
  const path = DEFAULT_CHROMIUM_PATH;
  if (exists(path)) return { action: "use", path };
  if (hasAptGet && isRoot) {
    return {
      action: "install",
      path,
      command: CHROMIUM_INSTALL_COMMAND,
      message: `Chromium is not installed: installing Debian's chromium for the end-to-end tests (${CHROMIUM_INSTALL_COMMAND}).`,
    };
  }
  if (hasAptGet) {
    return {
      action: "fail",
      message: `The end-to-end tests need Chromium, which is not installed. Run: sudo sh -c '${CHROMIUM_INSTALL_COMMAND}' (or set CHROMIUM_PATH to a Chromium binary), then npm test again.`,
    };
  }
  return {
    action: "fail",
    message: `The end-to-end tests need Chromium, which is not at ${path}. Install Chromium with your system's package manager and set CHROMIUM_PATH to its binary, then npm test again.`,
  };
}
