// An interleaved A/B of Teamgate variants (or of better-auth and Teamgate), for bench/analysis.md; not part
// of `npm run bench`. Each side is a server in one process with its own database; every round runs each
// scenario on every side in turn, the order alternating, and prints the per-round ratios to the first side.
//   V='{"A":{},"B":{"EMAIL_WORKER":"off"}}'   sides and their extra environment ("peer" is better-auth)
//   SQL_B='ALTER INDEX …'                      SQL run on side B's database after seeding
//   SC=create,list,accept R=3 S=5              scenarios, measured rounds, seconds per run
// On these shared machines two identical sides differ by ±8 % per round: trust a median that most rounds agree with.
import os from "node:os";
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
const BASE =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const rounds = Number(process.env.R ?? 4),
  seconds = Number(process.env.S ?? 6);
const scenarios = (process.env.SC ?? "create,accept").split(",");
const variants = JSON.parse(process.env.V ?? '{"A":{},"B":{}}');
const stamp = Date.now();
const { mail, mailUrl } = await startMailStandIn(3199);
let port = 3160;
const sides = Object.entries(variants).map(([id, env]) => {
  const database = `teamgate_bench_ab_${id.toLowerCase()}_${stamp}`;
  const url = databaseUrl(BASE, database);
  return id === "peer"
    ? peerSide({ port: port++, url, database })
    : teamgateSide({ id, port: port++, url, database, extraEnv: { WEB_CONCURRENCY: "1", ...env }, mailUrl });
});
try {
  for (const s of sides) await withClient(BASE, (db) => db.query(`CREATE DATABASE "${s.database}"`));
  await Promise.all(sides.map((s) => s.start()));
  for (const s of sides)
    if (process.env[`SQL_${s.id}`])
      await withClient(databaseUrl(BASE, s.database), (db) => db.query(process.env[`SQL_${s.id}`]));
  const ratios = {};
  for (let r = 0; r <= rounds; r++) {
    const s = r === 0 ? 2 : seconds;
    const order = sides.map((_, i) => sides[(i + r) % sides.length]);
    const accepts = {};
    for (const side of order) accepts[side.id] = await side.prepareAccepts(acceptTeamsFor(s), `r${r}`);
    const line = [`round ${r} load ${os.loadavg()[0].toFixed(2)}`];
    for (const sc of scenarios) {
      const res = {};
      for (const side of order) {
        const next = requestsFor(side, sc, { tag: `ab${stamp}-${r}`, queue: accepts[side.id] });
        res[side.id] = await load(side, { seconds: s, requests: next, adminUrl: BASE });
      }
      const ids = sides.map((x) => x.id);
      line.push(
        `${sc}: ` +
          ids
            .map(
              (id) =>
                `${id} ${res[id].rps}/s cpu ${res[id].serverCpuMs}+${res[id].postgresCpuMs} p99/p50 ${(res[id].p99 / res[id].p50).toFixed(2)}`,
            )
            .join(", ") +
          ` | ${ids[1]}/${ids[0]} ${(res[ids[1]].rps / res[ids[0]].rps).toFixed(2)}`,
      );
      if (r > 0)
        for (const id of ids.slice(1)) (ratios[`${sc} ${id}/${ids[0]}`] ??= []).push(res[id].rps / res[ids[0]].rps);
    }
    console.log(line.join("\n  "));
  }
  for (const [k, v] of Object.entries(ratios)) {
    const s = [...v].sort((a, b) => a - b);
    console.log(k, "median", s[Math.floor(s.length / 2)].toFixed(2), v.map((x) => x.toFixed(2)).join(" "));
  }
} finally {
  for (const s of sides) await stop(s.process);
  mail.close();
  for (const s of sides)
    await withClient(BASE, (db) => db.query(`DROP DATABASE IF EXISTS "${s.database}" WITH (FORCE)`)).catch(() => {});
}
