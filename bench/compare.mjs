// The side-by-side comparison with better-auth's organization plugin (bench/peer): the same five
// scenarios against both, on the same PostgreSQL, each server in its own database, in rounds that
// interleave the servers so a machine shared with other work slows every side alike. Called by
// bench/run.mjs; returns the figures it renders into docs/BENCHMARKS.md.
import { spawn, spawnSync } from "node:child_process";
import { createHash, createHmac, randomBytes, randomUUID } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createServer } from "node:http";
import os from "node:os";
import autocannon from "autocannon";
import pg from "pg";

const log = (...args) => console.log("[bench]", ...args);
const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const percentile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
const round1 = (value) => Math.round(value * 10) / 10;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const CONNECTIONS = 10;
const LIST_SIZE = 10_000;
const INVITEES = 500;
const RACE = 50;
const SPREAD = 20;
const PEER_SECRET = "bench-peer-secret-bench-peer-secret!";
const TEAMGATE_ENV = {
  AUTH_SECRET: "bench-secret-bench-secret-bench-secret!",
  // Every quota out of the way, as the peer's rate limit is off: the bench measures the work.
  API_REQUESTS_PER_MINUTE: "100000000",
  INVITES_PER_TEAM_PER_HOUR: "100000000",
  INVITES_PER_INVITER_PER_HOUR: "100000000",
  INVITES_PER_RECIPIENT_PER_HOUR: "100000000",
  INVITE_PAGE_REQUESTS_PER_MINUTE: "100000000",
};

export const SIDES = [
  { id: "peer", label: "better-auth" },
  { id: "one", label: "Teamgate, 1 process" },
  { id: "multi", label: "Teamgate, default `npm start`" },
];
export const SCENARIOS = [
  { id: "create", label: "(a) create one invitation, unique emails" },
  { id: "list", label: `(b) list a ${LIST_SIZE.toLocaleString("en")}-invitation team, 100 rows` },
  { id: "accept", label: `(c) accept, ${INVITEES} invitees each with its own credential` },
];

export function databaseUrl(base, name) {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function withClient(url, run) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** CPU seconds (user + system) of a process and all its descendants, from /proc. */
function processTreeCpu(pid) {
  const tick = 100; // USER_HZ on Linux
  let total = 0;
  const visit = (p) => {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      total += (Number(fields[11]) + Number(fields[12])) / tick;
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, "utf8").trim();
        for (const child of children ? children.split(" ") : []) visit(child);
      }
    } catch {
      /* the process is gone */
    }
  };
  visit(pid);
  return total;
}

/** CPU seconds of the PostgreSQL backends connected to one database (root can read their /proc). */
async function backendCpu(adminUrl, database) {
  return withClient(adminUrl, async (client) => {
    const { rows } = await client.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1`, [database]);
    return new Map(rows.map(({ pid }) => [pid, processTreeCpu(pid)]));
  });
}

function cpuDelta(before, after) {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}

// ---------------------------------------------------------------------------------------------
// The peer: better-auth's organization plugin, its tables, users and signed session cookies.

function peerCookie(token) {
  const signature = createHmac("sha256", PEER_SECRET).update(token).digest("base64");
  return `better-auth.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
}

const peerId = () => randomBytes(16).toString("hex");

/** Users with a fresh session each (7 days, better-auth's default, so no request refreshes it). */
async function peerUsers(db, emails) {
  const users = emails.map((email) => ({ id: peerId(), email, token: peerId() }));
  await db.query(
    `INSERT INTO "user" (id, name, email, "emailVerified") SELECT u.id, 'Bench', u.email, true FROM unnest($1::text[], $2::text[]) AS u(id, email)`,
    [users.map((u) => u.id), users.map((u) => u.email)],
  );
  await db.query(
    `INSERT INTO session (id, "expiresAt", token, "updatedAt", "userId") SELECT md5(random()::text), now() + interval '7 days', s.token, now(), s.uid FROM unnest($1::text[], $2::text[]) AS s(token, uid)`,
    [users.map((u) => u.token), users.map((u) => u.id)],
  );
  return users.map((u) => ({ ...u, cookie: peerCookie(u.token) }));
}

async function peerOrgs(db, ownerId, count, prefix) {
  const ids = Array.from({ length: count }, () => peerId());
  await db.query(
    `INSERT INTO organization (id, name, slug, "createdAt") SELECT id, 'Bench', $2 || '-' || id, now() FROM unnest($1::text[]) AS o(id)`,
    [ids, prefix],
  );
  await db.query(
    `INSERT INTO member (id, "organizationId", "userId", role, "createdAt") SELECT md5(random()::text || o), o, $2, 'owner', now() FROM unnest($1::text[]) AS o`,
    [ids, ownerId],
  );
  return ids;
}

async function peerInvite(db, orgIds, users, inviterId) {
  const { rows } = await db.query(
    `INSERT INTO invitation (id, "organizationId", email, role, status, "expiresAt", "createdAt", "inviterId")
     SELECT md5(random()::text || o || u), o, u, 'member', 'pending', now() + interval '7 days', now(), $3
     FROM unnest($1::text[]) WITH ORDINALITY AS orgs(o, i), unnest($2::text[]) WITH ORDINALITY AS users(u, j)
     ORDER BY i, j
     RETURNING id, "organizationId", email`,
    [orgIds, users.map((u) => u.email), inviterId],
  );
  const byEmail = new Map(users.map((u) => [u.email, u]));
  return rows.map((row) => ({ invitationId: row.id, org: row.organizationId, user: byEmail.get(row.email) }));
}

export function peerSide({ port, url, database, nodeArgs = [] }) {
  const origin = `http://127.0.0.1:${port}`;
  const json = (cookie) => ({ cookie, origin, "content-type": "application/json" });
  const state = {};
  return {
    id: "peer",
    origin,
    database,
    async start() {
      if (!existsSync("bench/peer/node_modules/better-auth")) {
        log("installing bench/peer (npm ci --prefix bench/peer)");
        const installed = spawnSync(
          "npm",
          ["ci", "--prefix", "bench/peer", "--ignore-scripts", "--no-audit", "--no-fund"],
          { stdio: "inherit" },
        );
        if (installed.status !== 0) throw new Error("npm ci --prefix bench/peer failed");
      }
      const env = { ...process.env, PEER_DATABASE_URL: url, PEER_PORT: String(port), PEER_SECRET };
      const migrated = spawnSync("node", ["bench/peer/server.mjs", "--migrate"], { env, stdio: "inherit" });
      if (migrated.status !== 0) throw new Error("the peer's migration failed");
      await withClient(url, async (db) => {
        const [admin] = await peerUsers(db, ["admin@peer.test"]);
        state.admin = admin;
        [state.listOrg] = await peerOrgs(db, admin.id, 1, "list");
        [state.createOrg] = await peerOrgs(db, admin.id, 1, "create");
        // The same mix of statuses and ages as Teamgate's list team.
        await db.query(
          `INSERT INTO invitation (id, "organizationId", email, role, status, "expiresAt", "createdAt", "inviterId")
           SELECT md5('inv' || g), $1, 'inv' || g || '@example.com', 'member',
             (ARRAY['pending','pending','pending','pending','pending','pending','pending','accepted','rejected','canceled'])[1 + g % 10],
             now() + make_interval(mins => 10080 - g % 20000), now() - make_interval(mins => g), $2
           FROM generate_series(1, $3::int) g`,
          [state.listOrg, admin.id, LIST_SIZE],
        );
        await db.query(`VACUUM ANALYZE invitation`);
        state.invitees = await peerUsers(
          db,
          Array.from({ length: INVITEES }, (_, i) => `invitee${i}@bench.test`),
        );
      });
      await this.launch();
    },
    nodeArgs,
    async launch() {
      const env = { ...process.env, PEER_DATABASE_URL: url, PEER_PORT: String(port), PEER_SECRET };
      this.process = spawn("node", [...this.nodeArgs, "bench/peer/server.mjs"], {
        env,
        stdio: ["ignore", "ignore", "inherit"],
      });
      await waitFor(`${origin}/health`);
    },
    createRequest(unique) {
      return {
        method: "POST",
        path: "/api/auth/organization/invite-member",
        headers: json(state.admin.cookie),
        body: JSON.stringify({ email: `${unique}@new.test`, role: "member", organizationId: state.createOrg }),
      };
    },
    listRequest() {
      return {
        method: "GET",
        path: `/api/auth/organization/list-invitations?organizationId=${state.listOrg}`,
        headers: { cookie: state.admin.cookie },
      };
    },
    async prepareAccepts(teams, label) {
      return withClient(url, async (db) => {
        const orgs = await peerOrgs(db, state.admin.id, teams, `accept-${label}`);
        const invitations = await peerInvite(db, orgs, state.invitees, state.admin.id);
        return invitations.map(({ invitationId, user }) => ({
          method: "POST",
          path: "/api/auth/organization/accept-invitation",
          headers: json(user.cookie),
          body: JSON.stringify({ invitationId }),
        }));
      });
    },
    async acceptRace(label) {
      const { invitation, user } = await withClient(url, async (db) => {
        const [user] = await peerUsers(db, [`race-${label}@bench.test`]);
        const orgs = await peerOrgs(db, state.admin.id, 1, `race-${label}`);
        const [invitation] = await peerInvite(db, orgs, [user], state.admin.id);
        return { invitation, user };
      });
      const statuses = await Promise.all(
        Array.from({ length: RACE }, () =>
          fetch(`${origin}/api/auth/organization/accept-invitation`, {
            method: "POST",
            headers: json(user.cookie),
            body: JSON.stringify({ invitationId: invitation.invitationId }),
          }).then((r) => r.status),
        ),
      );
      const {
        rows: [{ count }],
      } = await withClient(url, (db) =>
        db.query(`SELECT count(*)::int AS count FROM member WHERE "organizationId" = $1 AND "userId" = $2`, [
          invitation.org,
          user.id,
        ]),
      );
      return { rows: count, ok: statuses.filter((s) => s < 300).length };
    },
    async inviteRace(label) {
      const email = `race-${label}@new.test`;
      const statuses = await Promise.all(
        Array.from({ length: RACE }, () =>
          fetch(`${origin}/api/auth/organization/invite-member`, {
            method: "POST",
            headers: json(state.admin.cookie),
            body: JSON.stringify({ email, role: "member", organizationId: state.createOrg }),
          }).then((r) => r.status),
        ),
      );
      const {
        rows: [{ count }],
      } = await withClient(url, (db) =>
        db.query(
          `SELECT count(*)::int AS count FROM invitation WHERE "organizationId" = $1 AND email = $2 AND status = 'pending'`,
          [state.createOrg, email],
        ),
      );
      return { rows: count, ok: statuses.filter((s) => s < 300).length };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Teamgate: its migrations and seed, an API key per caller, the production build.

const hashKey = (key) => createHash("sha256").update(key).digest("hex");
const newKey = () => `tg_live_bench${randomBytes(24).toString("base64url")}`;

async function teamgateUsers(db, emails, scopes) {
  const users = emails.map((email) => ({ id: randomUUID(), email, key: newKey() }));
  await db.query(
    `INSERT INTO "User" (id, email, "emailCanonical", name, "emailVerifiedAt", "createdAt") SELECT u.id::uuid, u.email, u.email, 'Bench', now(), now() FROM unnest($1::text[], $2::text[]) AS u(id, email)`,
    [users.map((u) => u.id), users.map((u) => u.email)],
  );
  await teamgateKeys(db, users, scopes);
  return users;
}

async function teamgateKeys(db, users, scopes) {
  await db.query(
    `INSERT INTO "ApiKey" (id, "userId", name, prefix, "keyHash", scopes, "createdAt") SELECT gen_random_uuid(), k.uid::uuid, 'bench', 'tg_live_benc', k.hash, $3::text[], now() FROM unnest($1::text[], $2::text[]) AS k(uid, hash)`,
    [users.map((u) => u.id), users.map((u) => hashKey(u.key)), scopes],
  );
}

/** Teams shaped like the seed's (the built-in roles copied from globex), owned by its owner. */
async function teamgateTeams(db, count, prefix) {
  const slugs = Array.from({ length: count }, (_, i) => `${prefix}-${i}-${randomBytes(4).toString("hex")}`);
  await db.query(`INSERT INTO "Team" (id, name, slug) SELECT gen_random_uuid(), 'Bench', s FROM unnest($1::text[]) s`, [
    slugs,
  ]);
  await db.query(
    `INSERT INTO "Role" (id, "teamId", key, name, rank, permissions, "builtIn") SELECT gen_random_uuid(), t.id, r.key, r.name, r.rank, r.permissions, r."builtIn" FROM "Team" t CROSS JOIN "Role" r WHERE t.slug = ANY($1) AND r."teamId" = (SELECT id FROM "Team" WHERE slug = 'globex')`,
    [slugs],
  );
  await db.query(
    `INSERT INTO "Membership" (id, "teamId", "userId", "roleId") SELECT gen_random_uuid(), t.id, (SELECT id FROM "User" WHERE "emailCanonical" = 'owner@globex.test'), r.id FROM "Team" t JOIN "Role" r ON r."teamId" = t.id AND r.key = 'owner' WHERE t.slug = ANY($1)`,
    [slugs],
  );
  return slugs;
}

async function teamgateInvite(db, slugs, users) {
  const { rows } = await db.query(
    `INSERT INTO "Invitation" (id, "teamId", email, "emailCanonical", "roleId", language, "inviterId", status, "pendingKey", "createdAt", "updatedAt", "expiresAt", "tokenHash", "tokenSealed", "sendCount", "deliveryStatus")
     SELECT gen_random_uuid(), t.id, u, u, r.id, 'en', (SELECT id FROM "User" WHERE "emailCanonical" = 'owner@globex.test'), 'PENDING', u, now(), now(), now() + interval '7 days', md5(random()::text || t.id || u) || md5(u), 'v1.bench', 1, 'SENT'
     FROM unnest($1::text[]) WITH ORDINALITY AS teams(slug, i) JOIN "Team" t ON t.slug = teams.slug JOIN "Role" r ON r."teamId" = t.id AND r.key = 'member',
       unnest($2::text[]) WITH ORDINALITY AS users(u, j)
     ORDER BY i, j
     RETURNING id, "teamId", "emailCanonical"`,
    [slugs, users.map((u) => u.email)],
  );
  const byEmail = new Map(users.map((u) => [u.email, u]));
  return rows.map((row) => ({ invitationId: row.id, teamId: row.teamId, user: byEmail.get(row.emailCanonical) }));
}

export function teamgateSide({ id, port, url, database, extraEnv, mailUrl, nodeArgs = [] }) {
  const origin = `http://127.0.0.1:${port}`;
  const state = {};
  const bearer = (key) => ({ authorization: `Bearer ${key}`, "content-type": "application/json" });
  return {
    id,
    origin,
    database,
    async start() {
      const env = { ...process.env, DATABASE_URL: url, NODE_ENV: "development" };
      for (const command of ["deploy", "seed"]) {
        const result = spawnSync("node", ["scripts/db.mjs", command], { env, stdio: ["ignore", "ignore", "inherit"] });
        if (result.status !== 0) throw new Error(`db:${command} failed`);
      }
      await withClient(url, async (db) => {
        const {
          rows: [acme],
        } = await db.query(
          `SELECT t.id, r.id AS "memberRole", (SELECT u.id FROM "User" u WHERE u."emailCanonical" = 'admin@acme.test') AS "adminId" FROM "Team" t JOIN "Role" r ON r."teamId" = t.id AND r.key = 'member' WHERE t.slug = 'acme'`,
        );
        state.admin = { id: acme.adminId, key: newKey() };
        await teamgateKeys(db, [state.admin], ["invitations:read", "invitations:write"]);
        // The admin invites into globex (an empty team) and lists acme (10,000 invitations).
        await db.query(
          `INSERT INTO "Membership" (id, "teamId", "userId", "roleId") SELECT gen_random_uuid(), t.id, $1, r.id FROM "Team" t JOIN "Role" r ON r."teamId" = t.id AND r.key = 'admin' WHERE t.slug = 'globex'`,
          [acme.adminId],
        );
        await db.query(
          `INSERT INTO "Invitation" (id, "teamId", email, "emailCanonical", "roleId", language, "inviterId", status, "pendingKey", "createdAt", "updatedAt", "expiresAt", "tokenHash", "tokenSealed", "sendCount", "deliveryStatus")
           SELECT gen_random_uuid(), $1, 'inv' || g || '@example.com', 'inv' || g || '@example.com', $2, 'en', $3,
             (ARRAY['PENDING','PENDING','PENDING','PENDING','PENDING','PENDING','PENDING','ACCEPTED','DECLINED','WITHDRAWN'])[1 + g % 10]::"InvitationStatus",
             CASE WHEN g % 10 < 7 THEN 'inv' || g || '@example.com' END,
             now() - make_interval(mins => g), now() - make_interval(mins => g), now() + make_interval(mins => 10080 - g % 20000),
             md5(random()::text || g) || md5(g::text), 'v1.bench', 1, 'SENT'::"DeliveryStatus"
           FROM generate_series(1, $4::int) g`,
          [acme.id, acme.memberRole, acme.adminId, LIST_SIZE],
        );
        await db.query(`VACUUM ANALYZE "Invitation"`);
        state.invitees = await teamgateUsers(
          db,
          Array.from({ length: INVITEES }, (_, i) => `invitee${i}@bench.test`),
          ["invitations:write"],
        );
      });
      await this.launch();
    },
    nodeArgs,
    async launch() {
      const env = {
        ...process.env,
        ...TEAMGATE_ENV,
        DATABASE_URL: url,
        APP_URL: origin,
        RESEND_API_KEY: "re_bench",
        RESEND_BASE_URL: mailUrl,
        ...extraEnv,
      };
      this.process = spawn(
        "node",
        [...this.nodeArgs, "scripts/start-server.mjs", "-p", String(port), "-H", "127.0.0.1"],
        { env, stdio: ["ignore", "ignore", "inherit"] },
      );
      await waitFor(`${origin}/sign-in`);
    },
    createRequest(unique) {
      return {
        method: "POST",
        path: "/api/v1/teams/globex/invitations",
        headers: bearer(state.admin.key),
        body: JSON.stringify({ emails: [`${unique}@new.test`], role: "member" }),
      };
    },
    listRequest() {
      return {
        method: "GET",
        path: "/api/v1/teams/acme/invitations?limit=100",
        headers: { authorization: `Bearer ${state.admin.key}` },
      };
    },
    async prepareAccepts(teams, label) {
      return withClient(url, async (db) => {
        const slugs = await teamgateTeams(db, teams, `accept-${label}`);
        const invitations = await teamgateInvite(db, slugs, state.invitees);
        return invitations.map(({ invitationId, user }) => ({
          method: "POST",
          path: `/api/v1/invitations/${invitationId}/accept`,
          headers: bearer(user.key),
        }));
      });
    },
    async acceptRace(label) {
      const { invitation, user } = await withClient(url, async (db) => {
        const [user] = await teamgateUsers(db, [`race-${label}@bench.test`], ["invitations:write"]);
        const slugs = await teamgateTeams(db, 1, `race-${label}`);
        const [invitation] = await teamgateInvite(db, slugs, [user]);
        return { invitation, user };
      });
      const statuses = await Promise.all(
        Array.from({ length: RACE }, () =>
          fetch(`${origin}/api/v1/invitations/${invitation.invitationId}/accept`, {
            method: "POST",
            headers: bearer(user.key),
          }).then((r) => r.status),
        ),
      );
      const {
        rows: [{ count }],
      } = await withClient(url, (db) =>
        db.query(`SELECT count(*)::int AS count FROM "Membership" WHERE "teamId" = $1 AND "userId" = $2`, [
          invitation.teamId,
          user.id,
        ]),
      );
      return { rows: count, ok: statuses.filter((s) => s < 300).length };
    },
    // Target: 20 concurrent single invites in one team finish within 1.2× of 20 across 20 teams.
    async inviteSpread(label) {
      state.spreadTeams ??= await withClient(url, async (db) => {
        const slugs = await teamgateTeams(db, SPREAD, "spread");
        await db.query(
          `INSERT INTO "Membership" (id, "teamId", "userId", "roleId") SELECT gen_random_uuid(), t.id, $1, r.id FROM "Team" t JOIN "Role" r ON r."teamId" = t.id AND r.key = 'admin' WHERE t.slug = ANY($2)`,
          [state.admin.id, slugs],
        );
        return slugs;
      });
      const burst = async (slugOf, tag) => {
        const started = performance.now();
        const statuses = await Promise.all(
          Array.from({ length: SPREAD }, (_, i) =>
            fetch(`${origin}/api/v1/teams/${slugOf(i)}/invitations`, {
              method: "POST",
              headers: bearer(state.admin.key),
              body: JSON.stringify({ emails: [`${tag}-${i}@spread.test`], role: "member" }),
            }).then((r) => r.status),
          ),
        );
        return { ms: performance.now() - started, ok: statuses.filter((s) => s < 300).length };
      };
      const oneTeam = [];
      const teams = [];
      // Five bursts of each, alternating, so neither always runs on a warmer machine.
      for (let i = 0; i < 5; i += 1) {
        const tag = `${label}-${i}-${randomBytes(3).toString("hex")}`;
        oneTeam.push(await burst(() => "globex", `one-${tag}`));
        teams.push(await burst((j) => state.spreadTeams[j], `many-${tag}`));
      }
      return {
        oneTeamMs: median(oneTeam.map((b) => b.ms)),
        teamsMs: median(teams.map((b) => b.ms)),
        ok: Math.min(...oneTeam.map((b) => b.ok), ...teams.map((b) => b.ok)),
      };
    },
    async inviteRace(label) {
      const email = `race-${label}@new.test`;
      const statuses = await Promise.all(
        Array.from({ length: RACE }, () =>
          fetch(`${origin}/api/v1/teams/globex/invitations`, {
            method: "POST",
            headers: bearer(state.admin.key),
            body: JSON.stringify({ emails: [email], role: "member" }),
          }).then((r) => r.status),
        ),
      );
      const {
        rows: [{ count }],
      } = await withClient(url, (db) =>
        db.query(
          `SELECT count(*)::int AS count FROM "Invitation" i JOIN "Team" t ON t.id = i."teamId" WHERE t.slug = 'globex' AND i."emailCanonical" = $1 AND i.status = 'PENDING'`,
          [email],
        ),
      );
      return { rows: count, ok: statuses.filter((s) => s < 300).length };
    },
  };
}

async function waitFor(url) {
  for (let i = 0; i < 240; i += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer`);
}

export async function stop(child) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, sleep(10_000)]);
}

// ---------------------------------------------------------------------------------------------
// One autocannon run: exact percentiles from every response, throughput from 2xx answers.

export async function load(side, { seconds, requests, adminUrl }) {
  const latencies = [];
  let ok = 0;
  let failed = 0;
  const statuses = {};
  let exhausted = false;
  let lastRequest = null;
  let instance = null;
  const cpuBefore = processTreeCpu(side.process.pid);
  const pgBefore = await backendCpu(adminUrl, side.database);
  const started = performance.now();
  instance = autocannon({
    url: side.origin,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        setupRequest: (request) => {
          const next = requests();
          if (!next) {
            exhausted = true;
            setImmediate(() => instance?.stop());
            return { ...request, ...lastRequest };
          }
          lastRequest = next;
          return { ...request, ...next };
        },
      },
    ],
  });
  instance.on("response", (_client, status, _bytes, responseTime) => {
    if (exhausted) return;
    latencies.push(responseTime);
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status >= 200 && status < 300) ok += 1;
    else failed += 1;
  });
  const result = await instance;
  const elapsed = (performance.now() - started) / 1000;
  const serverCpu = processTreeCpu(side.process.pid) - cpuBefore;
  const pgCpu = cpuDelta(pgBefore, await backendCpu(adminUrl, side.database));
  latencies.sort((a, b) => a - b);
  const count = latencies.length;
  return {
    rps: round1(ok / elapsed),
    p50: round1(percentile(latencies, 0.5) ?? NaN),
    p99: round1(percentile(latencies, 0.99) ?? NaN),
    ok,
    failed: failed + result.errors + result.timeouts,
    statuses,
    exhausted,
    serverCpuMs: count ? round1((serverCpu * 1000) / count) : null,
    postgresCpuMs: count ? round1((pgCpu * 1000) / count) : null,
  };
}

// ---------------------------------------------------------------------------------------------

/** A local stand-in for Resend's API (POST /emails, /emails/batch) that counts what it is sent. */
export async function startMailStandIn(port) {
  const received = { count: 0 };
  const mail = createServer(async (request, response) => {
    let body = "";
    for await (const chunk of request) body += chunk;
    const emails = JSON.parse(body);
    const list = Array.isArray(emails) ? emails : [emails];
    received.count += list.length;
    response.writeHead(200, { "Content-Type": "application/json" });
    response.end(
      JSON.stringify(
        Array.isArray(emails)
          ? { data: list.map(() => ({ id: randomBytes(8).toString("hex") })) }
          : { id: randomBytes(8).toString("hex") },
      ),
    );
  }).listen(port, "127.0.0.1");
  await new Promise((r) => mail.once("listening", r));
  return { mail, mailUrl: `http://127.0.0.1:${port}`, received };
}

/** Teams of accepts enough that no run can run out: 500 invitees × teams ≥ 1,200 req/s × seconds (a quiet machine served 600 and ran out). */
export const acceptTeamsFor = (seconds) => Math.max(2, Math.ceil((seconds * 1200) / INVITEES));

/** A scenario's next request on a side: a new address per create, the prepared invitations in turn for accept. */
export function requestsFor(side, scenario, { tag, queue }) {
  let unique = 0;
  return {
    create: () => side.createRequest(`${tag}-${unique++}-${randomBytes(3).toString("hex")}`),
    list: () => side.listRequest(),
    accept: () => queue.shift(),
  }[scenario];
}

export async function runComparison({ baseUrl, basePort, rounds, seconds, warmupSeconds, onlySides }) {
  const stamp = Date.now();
  const names = {
    peer: `teamgate_bench_peer_${stamp}`,
    one: `teamgate_bench_one_${stamp}`,
    multi: `teamgate_bench_multi_${stamp}`,
  };
  const { mail, mailUrl, received } = await startMailStandIn(basePort + 9);

  const all = [
    peerSide({ port: basePort + 1, url: databaseUrl(baseUrl, names.peer), database: names.peer }),
    teamgateSide({
      id: "one",
      port: basePort + 2,
      url: databaseUrl(baseUrl, names.one),
      database: names.one,
      extraEnv: { WEB_CONCURRENCY: "1" },
      mailUrl,
    }),
    // What `npm start` does by default: one worker per core, one fewer beside a local database.
    teamgateSide({
      id: "multi",
      port: basePort + 3,
      url: databaseUrl(baseUrl, names.multi),
      database: names.multi,
      extraEnv: { WEB_CONCURRENCY: "" },
      mailUrl,
    }),
  ];
  const sides = all.filter((side) => !onlySides || onlySides.includes(side.id));
  const peerVersion = JSON.parse(readFileSync("bench/peer/package.json", "utf8")).dependencies["better-auth"];
  const output = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version },
    betterAuth: peerVersion,
    rounds: [],
    config: {
      rounds,
      seconds,
      warmupSeconds,
      connections: CONNECTIONS,
      listSize: LIST_SIZE,
      invitees: INVITEES,
      race: RACE,
    },
  };
  try {
    for (const side of sides) await withClient(baseUrl, (db) => db.query(`CREATE DATABASE "${side.database}"`));
    log(`starting ${sides.map((side) => `${side.id} on ${side.origin}`).join(", ")}`);
    await Promise.all(sides.map((side) => side.start()));
    for (let r = 0; r <= rounds; r += 1) {
      const warmup = r === 0;
      const s = warmup ? warmupSeconds : seconds;
      const entry = { round: r, loadavg: [], results: {}, races: {} };
      // Rotate which side goes first, so no side always runs right after another's load.
      const order = sides.map((_, i) => sides[(i + r) % sides.length]);
      entry.loadavg.push(os.loadavg()[0]);
      const accepts = {};
      for (const side of order) accepts[side.id] = await side.prepareAccepts(acceptTeamsFor(s), `r${r}`);
      for (const scenario of SCENARIOS) {
        entry.results[scenario.id] = {};
        for (const side of order) {
          const next = requestsFor(side, scenario.id, { tag: `c${stamp}-${r}`, queue: accepts[side.id] });
          entry.results[scenario.id][side.id] = await load(side, { seconds: s, requests: next, adminUrl: baseUrl });
          await sleep(200);
        }
      }
      for (const side of order) {
        entry.races[side.id] = { accept: await side.acceptRace(`r${r}`), invite: await side.inviteRace(`r${r}`) };
        if (side.inviteSpread) entry.races[side.id].spread = await side.inviteSpread(`r${r}`);
      }
      entry.loadavg.push(os.loadavg()[0]);
      const summary = SCENARIOS.map(
        (sc) =>
          `${sc.id} ${sides.map((side) => `${side.id} ${entry.results[sc.id][side.id].rps}/s p50 ${entry.results[sc.id][side.id].p50}`).join(", ")}`,
      ).join(" | ");
      log(
        `${warmup ? "warm-up" : `round ${r}/${rounds}`} (load ${entry.loadavg.map((l) => l.toFixed(2)).join("→")}): ${summary}`,
      );
      if (!warmup) output.rounds.push(entry);
    }
    output.emailsSent = received.count;
  } finally {
    for (const side of sides) await stop(side.process);
    mail.close();
    await sleep(500);
    for (const side of sides)
      await withClient(baseUrl, (db) => db.query(`DROP DATABASE IF EXISTS "${side.database}" WITH (FORCE)`)).catch(
        () => {},
      );
  }
  output.summary = summarize(
    output,
    sides.map((s) => s.id),
  );
  return output;
}

function summarize(output, sideIds) {
  const summary = {};
  for (const scenario of SCENARIOS) {
    const entry = {};
    for (const side of sideIds) {
      const runs = output.rounds.map((r) => r.results[scenario.id][side]);
      entry[side] = {
        rps: round1(median(runs.map((x) => x.rps))),
        p50: round1(median(runs.map((x) => x.p50))),
        p99: round1(median(runs.map((x) => x.p99))),
        serverCpuMs: round1(median(runs.map((x) => x.serverCpuMs))),
        postgresCpuMs: round1(median(runs.map((x) => x.postgresCpuMs))),
        failed: runs.reduce((sum, x) => sum + x.failed, 0),
        exhausted: runs.some((x) => x.exhausted),
      };
      if (side !== "peer" && sideIds.includes("peer")) {
        // A round where the peer answered nothing (a stalled machine) has no ratio.
        const ratios = output.rounds
          .map((r) => r.results[scenario.id][side].rps / r.results[scenario.id].peer.rps)
          .filter(Number.isFinite);
        entry[side].ratio = Math.round(median(ratios) * 100) / 100;
      }
    }
    summary[scenario.id] = entry;
  }
  summary.races = {};
  for (const side of sideIds) {
    summary.races[side] = {
      acceptMembers: Math.max(...output.rounds.map((r) => r.races[side].accept.rows)),
      acceptOk: Math.max(...output.rounds.map((r) => r.races[side].accept.ok)),
      invitePending: Math.max(...output.rounds.map((r) => r.races[side].invite.rows)),
      inviteOk: Math.max(...output.rounds.map((r) => r.races[side].invite.ok)),
    };
    const spreads = output.rounds.map((r) => r.races[side].spread).filter(Boolean);
    if (spreads.length)
      summary.races[side].spread = {
        oneTeamMs: round1(median(spreads.map((x) => x.oneTeamMs))),
        teamsMs: round1(median(spreads.map((x) => x.teamsMs))),
        ratio: Math.round(median(spreads.map((x) => x.oneTeamMs / x.teamsMs)) * 100) / 100,
        ok: Math.min(...spreads.map((x) => x.ok)),
      };
  }
  summary.loadavg = output.rounds.map((r) => r.loadavg);
  return summary;
}

export function renderComparison(c) {
  if (!c) return "";
  const ids = Object.keys(c.summary.races);
  const sides = SIDES.filter((s) => ids.includes(s.id));
  const cell = (x) => `${x.rps} req/s, p50 ${x.p50} ms, p99 ${x.p99} ms${x.failed ? `, **${x.failed} failed**` : ""}`;
  const rows = SCENARIOS.map((sc) => {
    const e = c.summary[sc.id];
    return `| ${sc.label} | ${sides.map((s) => cell(e[s.id])).join(" | ")} | ${sides
      .filter((s) => s.id !== "peer")
      .map((s) => (e[s.id].ratio !== undefined ? `**${e[s.id].ratio.toFixed(2)}×**` : ""))
      .join(" / ")} |`;
  });
  const cpuRows = SCENARIOS.map(
    (sc) =>
      `| ${sc.label} | ${sides.map((s) => `${c.summary[sc.id][s.id].serverCpuMs} / ${c.summary[sc.id][s.id].postgresCpuMs}`).join(" | ")} |`,
  );
  const race = (s, key, okKey) =>
    `${c.summary.races[s.id][key]} (${c.summary.races[s.id][okKey]} of ${c.config.race} answered 2xx)`;
  const targets = [];
  const one = (id) => c.summary[id]?.one;
  if (ids.includes("peer") && ids.includes("one")) {
    for (const sc of SCENARIOS)
      targets.push(
        `| Teamgate 1 process ≥ 1.5× better-auth: ${sc.id} | ${one(sc.id).ratio.toFixed(2)}× | ${one(sc.id).ratio >= 1.5 ? "yes" : "**no**"} |`,
      );
  }
  if (ids.includes("one")) {
    for (const sc of SCENARIOS)
      targets.push(
        `| p99 ≤ 2× p50, 1 process: ${sc.id} | ${one(sc.id).p99} / ${one(sc.id).p50} ms = ${(one(sc.id).p99 / one(sc.id).p50).toFixed(1)}× | ${one(sc.id).p99 <= 2 * one(sc.id).p50 ? "yes" : "**no**"} |`,
      );
    targets.push(
      `| API list p50 ≤ 30 ms (1 process, 10 connections) | ${one("list").p50} ms | ${one("list").p50 <= 30 ? "yes" : "**no**"} |`,
    );
    const spread = c.summary.races.one.spread;
    if (spread)
      targets.push(
        `| ${SPREAD} concurrent single invites in one team within 1.2× of ${SPREAD} across ${SPREAD} teams (1 process, median of per-round ratios) | ${spread.oneTeamMs} vs ${spread.teamsMs} ms = ${spread.ratio.toFixed(2)}× (${spread.ok} of ${SPREAD} answered 2xx) | ${spread.ratio <= 1.2 ? "yes" : "**no**"} |`,
      );
  }
  return `## Side by side with better-auth

\`npm run bench\`, ${c.date.slice(0, 10)}: better-auth ${c.betterAuth} with its organization
plugin (\`bench/peer\`, one Node process, its own database, rate limit off, invitation and membership limits
raised) against Teamgate's production build in one process (\`WEB_CONCURRENCY=1\`) and as the default \`npm start\`
runs it (one worker per core, one fewer when PostgreSQL runs on the same machine, as here), each in its own database on the same PostgreSQL. autocannon, ${c.config.connections} connections,
${c.config.seconds} s per run; a warm-up round of ${c.config.warmupSeconds} s, then ${c.config.rounds} measured rounds, each running every scenario on
every server in turn (the order rotates each round). Each figure is the median over rounds; the ratio is the median of
the per-round ratios of throughput (2xx answers per second). ${c.machine.cpus} cores (${c.machine.cpuModel}), Node ${c.machine.node}; the
server, PostgreSQL and autocannon share them, and the machine was shared with other work: load average (1 min) at the
start → end of each round: ${c.summary.loadavg.map((l) => l.map((x) => x.toFixed(1)).join("→")).join(", ")}.

| Scenario | ${sides.map((s) => s.label).join(" | ")} | Teamgate / better-auth (${sides
    .filter((s) => s.id !== "peer")
    .map((s) => s.label.replace("Teamgate, ", ""))
    .join(" / ")}) |
| --- | ${sides.map(() => "---").join(" | ")} | --- |
${rows.join("\n")}
| (d) ${c.config.race} concurrent accepts of one invitation → member rows | ${sides.map((s) => race(s, "acceptMembers", "acceptOk")).join(" | ")} | |
| (e) ${c.config.race} concurrent invites of one email → pending invitations | ${sides.map((s) => race(s, "invitePending", "inviteOk")).join(" | ")} | |

What each side does per request: better-auth's list returns the first 100 rows its adapter reads (no order, no
cursor); Teamgate's returns 100 rows sorted newest first with a cursor to the next page. Teamgate's create
also checks the invite quotas, writes audit rows and queues an email (sent to a local stand-in of Resend by the
same processes: ${c.emailsSent ?? "?"} emails in this run); its accept re-checks the inviter's right to grant the role and
writes audit rows. (d) and (e) show the maximum over rounds.

CPU per request, server / PostgreSQL (ms, from /proc: the server's process tree and the database's backends):

| Scenario | ${sides.map((s) => s.label).join(" | ")} |
| --- | ${sides.map(() => "---").join(" | ")} |
${cpuRows.join("\n")}

| Target | Measured | Met |
| --- | --- | --- |
${targets.join("\n")}
`;
}
