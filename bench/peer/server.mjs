// The comparison server for `npm run bench`: better-auth's organization plugin on PostgreSQL, in
// one Node process, as its documentation sets it up (Pool, email + password, organization
// plugin). Rate limiting is off and the invitation and membership limits are raised, as on the
// Teamgate side of the bench. `node server.mjs --migrate` creates its tables and exits.
import { createServer } from "node:http";
import { betterAuth } from "better-auth";
import { getMigrations } from "better-auth/db/migration";
import { toNodeHandler } from "better-auth/node";
import { organization } from "better-auth/plugins";
import pg from "pg";

const url = process.env.PEER_DATABASE_URL;
const port = Number(process.env.PEER_PORT ?? 3151);
if (!url) throw new Error("PEER_DATABASE_URL must name the peer's database");
const origin = `http://127.0.0.1:${port}`;

export const auth = betterAuth({
  database: new pg.Pool({ connectionString: url, max: 10 }),
  secret: process.env.PEER_SECRET ?? "bench-peer-secret-bench-peer-secret!",
  baseURL: origin,
  trustedOrigins: [origin],
  emailAndPassword: { enabled: true },
  rateLimit: { enabled: false },
  telemetry: { enabled: false },
  plugins: [
    organization({
      invitationLimit: 1_000_000_000,
      membershipLimit: 1_000_000_000,
      // Teamgate queues an email per invitation; here sending is the application's job.
      sendInvitationEmail: async () => {},
    }),
  ],
});

if (process.argv.includes("--migrate")) {
  const { runMigrations } = await getMigrations(auth.options);
  await runMigrations();
  process.exit(0);
}

const handler = toNodeHandler(auth);
createServer((request, response) => {
  if (request.url === "/health") return void response.end("ok");
  return handler(request, response);
}).listen(port, "127.0.0.1", () => console.log(`peer ready on ${origin}`));
process.on("SIGTERM", () => process.exit(0));
