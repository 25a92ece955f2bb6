// `prisma generate` needs no engine, but the CLI still tries to download one
// unless PRISMA_SCHEMA_ENGINE_BINARY names an existing file. Offline installs
// (this project's CI) have no download, so point it at any file.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const result = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
