// Where a request's time goes, for bench/analysis.md (not part of `npm run bench`):
//   node bench/profile.mjs [--side one|peer] [--seconds 10] [create] [list] [accept]
// Seeds the side as bench/compare.mjs does, logs every statement of its database
// (log_min_duration_statement = 0, set on that database only), runs each scenario under
// `node --cpu-prof`, and prints per request: statements by phase (parse / bind, where PostgreSQL
// plans / execute) and the server's CPU profile by package and by function, counted only over the
// measured window. Raw profiles stay in bench/.tmp/prof/.
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, openSync, readSync, closeSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  acceptTeamsFor,
  databaseUrl,
  load,
  peerSide,
  requestsFor,
  startMailStandIn,
  stop,
  teamgateSide,
  withClient,
} from "./compare.mjs";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { side: { type: "string", default: "one" }, seconds: { type: "string", default: "10" } },
});
const BASE_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const BASE_PORT = Number(process.env.BENCH_PORT ?? 3150);
const PG_LOG = process.env.BENCH_PG_LOG ?? "/var/log/postgresql/postgresql-15-main.log";
const scenarios = positionals.length ? positionals : ["list", "create", "accept"];
const seconds = Number(values.seconds);
const database = `teamgate_bench_prof_${values.side}_${Date.now()}`;
const url = databaseUrl(BASE_URL, database);
const profDir = "bench/.tmp/prof";

function readLogFrom(offset) {
  const size = statSync(PG_LOG).size;
  const fd = openSync(PG_LOG, "r");
  const buffer = Buffer.alloc(size - offset);
  readSync(fd, buffer, 0, buffer.length, offset);
  closeSync(fd);
  return buffer.toString("utf8");
}

/** Statement durations by phase, from PostgreSQL's log lines for this database. */
function statements(text, requests) {
  const byKey = new Map();
  const totals = { parse: 0, bind: 0, execute: 0, statement: 0 };
  const counts = { parse: 0, bind: 0, execute: 0, statement: 0 };
  const pattern = new RegExp(
    `@${database} LOG:  duration: ([\\d.]+) ms  (parse|bind|execute|statement)( [^:]*)?: (.*)`,
  );
  const lines = text.split("\n");
  for (const [index, line] of lines.entries()) {
    const m = pattern.exec(line);
    if (!m) continue;
    const [, ms, phase] = m;
    // A statement's text goes on over the next lines, until the next line with the log's prefix.
    let sql = m[4];
    for (let j = index + 1; j < lines.length && !/^\d{4}-\d\d-\d\d /.test(lines[j]) && sql.trim().length < 110; j += 1)
      sql += ` ${lines[j]}`;
    totals[phase] += Number(ms);
    counts[phase] += 1;
    const key = sql.replace(/\s+/g, " ").trim().slice(0, 110);
    const entry = byKey.get(key) ?? { parse: 0, bind: 0, execute: 0, statement: 0, n: 0 };
    entry[phase] += Number(ms);
    if (phase === "execute" || phase === "statement") entry.n += 1;
    byKey.set(key, entry);
  }
  const per = (x) => (x / requests).toFixed(2);
  const out = [
    `statements per request: ${per(counts.execute + counts.statement)} (executes ${per(counts.execute)}, simple ${per(counts.statement)}); ms per request: parse ${per(totals.parse)}, bind/plan ${per(totals.bind)}, execute ${per(totals.execute)}, simple ${per(totals.statement)}`,
  ];
  for (const [key, e] of [...byKey].sort((a, b) => b[1].n - a[1].n)) {
    out.push(
      `  ${per(e.n)}×  bind ${per(e.bind)} ms  exec ${per(e.execute + e.statement)} ms  parse ${per(e.parse)} ms  ${key}`,
    );
  }
  return out.join("\n");
}

function category(frame) {
  const { url: u, functionName: f } = frame;
  if (f === "(garbage collector)") return "GC";
  if (f === "(program)" || f === "(idle)" || f === "(root)") return f;
  if (u.startsWith("wasm://") || /query_compiler|wasm/.test(u)) return "Prisma query compiler (WASM)";
  if (/@prisma\/client\/runtime|prisma\/client\/runtime|runtime\/client/.test(u)) return "Prisma client runtime";
  if (/@prisma\/adapter-pg|driver-adapter/.test(u)) return "Prisma pg adapter";
  if (/node_modules\/(pg|pg-protocol|pg-pool|pg-types)\//.test(u)) return "pg driver";
  if (/better-auth|better-call|kysely|@better-auth/.test(u)) return "better-auth / kysely";
  if (/react-email|@react-email/.test(u)) return "react-email";
  if (/react-dom|react-server/.test(u)) return "React";
  if (/zod/.test(u)) return "zod";
  if (/next\/dist/.test(u)) return "Next.js";
  if (/\.next\/server/.test(u)) return "app bundle (.next/server)";
  if (u.startsWith("node:") || u === "") return "Node internals / native";
  return u
    .replace(/^.*node_modules\//, "")
    .split("/")
    .slice(0, 2)
    .join("/");
}

/** Self time by category and by function over [from, to] (monotonic µs), from a .cpuprofile. */
function summarizeProfile(file, from, to, requests) {
  const profile = JSON.parse(readFileSync(file, "utf8"));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let t = profile.startTime;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i += 1) {
    t += profile.timeDeltas[i];
    const dt = profile.timeDeltas[i + 1] ?? 0;
    if (t < from || t > to) continue;
    const node = nodes.get(profile.samples[i]);
    if (node.callFrame.functionName === "(idle)") continue;
    self.set(node.id, (self.get(node.id) ?? 0) + dt);
    total += dt;
  }
  const byCategory = new Map();
  const byFunction = new Map();
  for (const [id, us] of self) {
    const frame = nodes.get(id).callFrame;
    const c = category(frame);
    byCategory.set(c, (byCategory.get(c) ?? 0) + us);
    const fn = `${frame.functionName || "(anonymous)"} ${frame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\.next\//, ".next/")}:${frame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  }
  const ms = (us) => (us / 1000 / requests).toFixed(2);
  const pct = (us) => `${((100 * us) / total).toFixed(1)}%`;
  const lines = [`busy CPU in the window: ${ms(total)} ms per request`];
  for (const [c, us] of [...byCategory].sort((a, b) => b[1] - a[1]).slice(0, 14))
    lines.push(`  ${pct(us).padStart(6)}  ${ms(us)} ms  ${c}`);
  lines.push("top functions (self):");
  for (const [f, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 25))
    lines.push(`  ${pct(us).padStart(6)}  ${f.slice(0, 150)}`);
  return lines.join("\n");
}

const hrtimeUs = () => Number(process.hrtime.bigint() / 1000n);

/** The cluster's WAL counters (PostgreSQL 14+): what the measured window wrote, per request. */
const readWal = () =>
  withClient(BASE_URL, async (db) => {
    const { rows } = await db.query(
      "SELECT wal_records::float8 AS records, wal_fpi::float8 AS fpi, wal_bytes::float8 AS bytes, wal_sync::float8 AS syncs FROM pg_stat_wal",
    );
    return rows[0];
  });

const { mail, mailUrl } = await startMailStandIn(BASE_PORT + 8);
await withClient(BASE_URL, (db) => db.query(`CREATE DATABASE "${database}"`));
const port = BASE_PORT + 4;
const make = (nodeArgs) =>
  values.side === "peer"
    ? peerSide({ port, url, database, nodeArgs })
    : teamgateSide({
        id: values.side,
        port,
        url,
        database,
        extraEnv: { WEB_CONCURRENCY: values.side === "one" ? "1" : "" },
        mailUrl,
        nodeArgs,
      });
try {
  const side = make([]);
  await side.start();
  await stop(side.process);
  await withClient(BASE_URL, (db) => db.query(`ALTER DATABASE "${database}" SET log_min_duration_statement = 0`));
  for (const scenario of scenarios) {
    const dir = `${profDir}/${values.side}-${scenario}`;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    // A fresh process per scenario, profiled; its new connections pick the log setting up.
    side.nodeArgs = ["--cpu-prof", `--cpu-prof-dir=${dir}`];
    await side.launch();
    const queue = scenario === "accept" ? await side.prepareAccepts(acceptTeamsFor(seconds + 3), scenario) : null;
    const next = requestsFor(side, scenario, { tag: `p${Date.now()}`, queue });
    await load(side, { seconds: 3, requests: next, adminUrl: BASE_URL });
    const offset = statSync(PG_LOG).size;
    const walBefore = await readWal();
    const from = hrtimeUs();
    const result = await load(side, { seconds, requests: next, adminUrl: BASE_URL });
    const to = hrtimeUs();
    const walAfter = await readWal();
    await new Promise((r) => setTimeout(r, 1000));
    const log = readLogFrom(offset);
    await stop(side.process);
    await new Promise((r) => setTimeout(r, 1000));
    const requests = result.ok + result.failed;
    console.log(
      `\n=== ${values.side} ${scenario}: ${result.rps} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, server CPU ${result.serverCpuMs} ms/req, PostgreSQL CPU ${result.postgresCpuMs} ms/req, ${JSON.stringify(result.statuses)}`,
    );
    const wal = (key) => ((walAfter[key] - walBefore[key]) / requests).toFixed(key === "bytes" ? 0 : 2);
    console.log(
      `WAL per request (whole cluster): ${wal("records")} records, ${wal("fpi")} full-page images, ${wal("bytes")} bytes, ${wal("syncs")} syncs`,
    );
    console.log(statements(log, requests));
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".cpuprofile")))
      console.log(summarizeProfile(`${dir}/${file}`, from, to, requests));
  }
} finally {
  mail.close();
  // BENCH_KEEP_DATABASE=1 leaves the seeded database for EXPLAIN (its name is printed).
  if (process.env.BENCH_KEEP_DATABASE) console.log(`kept database ${database}`);
  else
    await withClient(BASE_URL, (db) => db.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)).catch(() => {});
}
