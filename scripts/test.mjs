// `npm test`: typecheck, lint, formatting, unit + integration tests, then a production build and the
// Playwright e2e suite. Stops at the first failing step. The browser the e2e suite needs is
// checked first, so a machine without it learns so in a second, not after the long steps.
//   node scripts/test.mjs [step]   runs only the steps whose label starts with `step` ("end", "unit", …)
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { decideChromium } from "./decide-chromium.mjs";

const steps = [
  ["Typecheck", "npx", ["tsc", "--noEmit", "-p", "."]],
  ["Lint", "npx", ["eslint", ".", "--max-warnings=0"]],
  ["Formatting", "npx", ["prettier", "--check", "."]],
  ["Unit and integration tests", "npx", ["vitest", "run"]],
  ["Production build", "npx", ["next", "build"]],
  ["End-to-end tests", "npx", ["playwright", "test"]],
];

const only = process.argv[2]?.toLowerCase();
const selected = steps.filter(([label]) => !only || label.toLowerCase().startsWith(only));

function ensureChromium() {
  const decision = decideChromium({
    configuredPath: process.env.CHROMIUM_PATH || undefined,
    exists: existsSync,
    isRoot: process.getuid?.() === 0,
    hasAptGet: spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0,
  });
  if (decision.action === "use") return;
  if (decision.action === "fail") {
    console.error(`✖ ${decision.message}`);
    process.exit(1);
  }
  console.log(decision.message);
  const installed = spawnSync("sh", ["-c", decision.command], {
    encoding: "utf8",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (installed.status !== 0 || !existsSync(decision.path)) {
    console.error(`${installed.stdout ?? ""}${installed.stderr ?? ""}`.trim().split("\n").slice(-20).join("\n"));
    console.error(`✖ Installing Chromium failed (${decision.command}); install it by hand or set CHROMIUM_PATH.`);
    process.exit(1);
  }
}

if (selected.some(([label]) => label === "End-to-end tests")) ensureChromium();

for (const [label, command, args] of selected) {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) {
    console.error(`\n✖ ${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
