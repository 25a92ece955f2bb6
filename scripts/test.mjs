// `npm test`: typecheck, lint, unit + integration tests, then a production build and the
// Playwright e2e suite. Stops at the first failing step.
import { spawnSync } from "node:child_process";

const steps = [
  ["Typecheck", "npx", ["tsc", "--noEmit", "-p", "."]],
  ["Lint", "npx", ["eslint", ".", "--max-warnings=0"]],
  ["Unit and integration tests", "npx", ["vitest", "run"]],
  ["Production build", "npx", ["next", "build"]],
  ["End-to-end tests", "npx", ["playwright", "test"]],
];

const only = process.argv[2];
for (const [label, command, args] of steps) {
  if (only && !label.toLowerCase().startsWith(only)) continue;
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) {
    console.error(`\n✖ ${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
