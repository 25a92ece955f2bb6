// `npm start`: the production build, served as `next start` serves it, through a server that
// records each request's socket address (see peer-aware-server.mjs). Flags: -p PORT, -H HOST.
//
// Node runs JavaScript on one core, and rendering a page is CPU-bound; so on PostgreSQL the
// server runs one worker process per core, one fewer when the database runs on this machine
// (WEB_CONCURRENCY overrides), all on one port through node:cluster. The workers share nothing but the database, exactly like separate instances.
// PGlite can be opened by one process only, so the embedded database always runs one.
import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import nextEnv from "@next/env";
import { join } from "node:path";
import { createPeerAwareServer } from "./peer-aware-server.mjs";
import { createStrayActionGuard } from "./refuse-stray-server-action.mjs";
import { isValidWorkerCount, workerCount } from "./worker-count.mjs";

process.env.NODE_ENV ??= "production";
// Read .env as Next will, so the choice below sees a DATABASE_URL set there.
nextEnv.loadEnvConfig(process.cwd());

const requested = process.env.WEB_CONCURRENCY;
if (process.env.DATABASE_URL && requested !== undefined && requested !== "" && !isValidWorkerCount(requested)) {
  console.error(`WEB_CONCURRENCY must be a whole number from 1 to 64 (got "${requested}").`);
  process.exit(1);
}
const workers = workerCount(process.env, availableParallelism());

if (cluster.isPrimary && workers > 1) {
  let stopping = false;
  let failed = false;
  const stop = () => {
    stopping = true;
    const running = Object.values(cluster.workers ?? {});
    if (running.length === 0) process.exit(failed ? 1 : 0);
    for (const worker of running) worker?.process.kill("SIGTERM");
  };
  for (let i = 0; i < workers; i += 1) cluster.fork();
  // A worker that dies before it listens hit something every worker would (no build, a bad
  // setting, a taken port): starting another would only loop, so the server stops instead.
  const listening = new Set();
  cluster.on("listening", (worker) => listening.add(worker.id));
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(failed ? 1 : 0);
      return;
    }
    if (!listening.has(worker.id)) {
      console.error(`Worker ${worker.process.pid} exited (${signal ?? code}) while starting; stopping the server.`);
      failed = true;
      stop();
      return;
    }
    console.error(`Worker ${worker.process.pid} exited (${signal ?? code}); starting another.`);
    cluster.fork();
  });
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} else {
  const { values } = parseArgs({
    options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
  });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const hostname = values.hostname ?? process.env.HOSTNAME;

  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const refuseStrayAction = createStrayActionGuard(join(process.cwd(), ".next"));
  const server = createPeerAwareServer((request, response) => handle(request, response), { refuseStrayAction });
  server.listen(port, hostname, () => {
    if (!cluster.isWorker || cluster.worker?.id === 1) {
      console.log(
        `Teamgate ready on http://${hostname ?? "localhost"}:${port}${workers > 1 ? ` (${workers} worker processes)` : ""}`,
      );
    }
  });

  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
