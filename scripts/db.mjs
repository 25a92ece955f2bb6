// Runs scripts/db.ts with tsx; "react-server" lets it import the app's server-only modules.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));
const script = fileURLToPath(new URL("./db.ts", import.meta.url));
const result = spawnSync(tsx, ["--conditions=react-server", script, ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(result.status ?? 1);
