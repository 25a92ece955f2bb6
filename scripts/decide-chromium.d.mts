export declare const DEFAULT_CHROMIUM_PATH: string;
export declare const CHROMIUM_INSTALL_COMMAND: string;

export type ChromiumDecision =
  | { action: "use"; path: string }
  | { action: "install"; path: string; command: string; message: string }
  | { action: "fail"; message: string };

export function decideChromium(machine: {
  configuredPath?: string;
  exists: (path: string) => boolean;
  isRoot: boolean;
  hasAptGet: boolean;
}): ChromiumDecision;
