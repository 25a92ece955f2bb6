// The database CLI behind `npm run db:*` and the `prepare` step before `next dev` / `npm start`.
import { runDatabaseCommand } from "./database-commands";
import { loadDatabaseTarget } from "./database-target";

async function main() {
  const target = loadDatabaseTarget();
  return runDatabaseCommand(process.argv.slice(2), { target, production: process.env.NODE_ENV === "production" });
}

main().then(
  // The wasm engine and PGlite can leave timers behind; the work is done, so leave now.
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
