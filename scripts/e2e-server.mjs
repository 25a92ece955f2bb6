// Starts the production build for Playwright on a fresh database: PGlite in a throwaway
// directory, or a new PostgreSQL database when TEST_DATABASE_URL is set.
import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import pg from "pg";

const port = process.env.E2E_PORT ?? "3100";
const env = {
  ...process.env,
  NODE_ENV: "test",
  APP_URL: `http://127.0.0.1:${port}`,
  AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
  DEV_MAILBOX: "on",
  INVITE_PAGE_REQUESTS_PER_MINUTE: "120",
  // The suite invites well over a hundred addresses into Acme within the hour; the hourly invite
  // quotas themselves are proven by the integration tests.
  INVITES_PER_TEAM_PER_HOUR: "2000",
  INVITES_PER_INVITER_PER_HOUR: "2000",
  // The expiry-reminder test waits for a sweep: every 3 s instead of every minute.
  REMINDER_SWEEP_SECONDS: "3",
  // As if behind one proxy: a spec's X-Forwarded-For entry stands for a distinct client.
  TRUSTED_PROXY_HOPS: "1",
  RESEND_API_KEY: "",
};
delete env.DATABASE_URL;

let dropDatabase = async () => {};
if (process.env.TEST_DATABASE_URL) {
  const name = `teamgate_e2e_${process.pid}`;
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  dropDatabase = async () => {
    const dropper = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await dropper.end();
  };
} else {
  env.PGLITE_DATA_DIR = ".data/e2e-pglite";
  rmSync(env.PGLITE_DATA_DIR, { recursive: true, force: true });
}

const prepared = spawnSync("node", ["scripts/db.mjs", "prepare", "--seed"], { stdio: "inherit", env });
if (prepared.status !== 0) process.exit(prepared.status ?? 1);

const server = spawn("node", ["scripts/start-server.mjs", "-p", port, "-H", "127.0.0.1"], {
  stdio: "inherit",
  env: { ...env, WEB_CONCURRENCY: "1" },
});
// On PostgreSQL a second instance shares the database, for the two-instance race tests; it runs
// two worker processes, as `npm start` does on a two-core machine, so those races span three processes.
const second = env.DATABASE_URL
  ? spawn("node", ["scripts/start-server.mjs", "-p", String(Number(port) + 1), "-H", "127.0.0.1"], {
      stdio: "inherit",
      env: { ...env, WEB_CONCURRENCY: "2" },
    })
  : null;
const stop = async (code) => {
  server.kill("SIGTERM");
  second?.kill("SIGTERM");
  await dropDatabase().catch(() => {});
  process.exit(code);
};
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));
server.on("exit", (code) => void stop(code ?? 0));
