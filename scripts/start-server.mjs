// `npm start`: the production build, served as `next start` serves it, through a server that
// records each request's socket address (see peer-aware-server.mjs). Flags: -p PORT, -H HOST.
import { parseArgs } from "node:util";
import { createPeerAwareServer } from "./peer-aware-server.mjs";

process.env.NODE_ENV ??= "production";
const { values } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME;

const { default: next } = await import("next");
const app = next({ dev: false, dir: process.cwd(), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createPeerAwareServer((request, response) => handle(request, response));
server.listen(port, hostname, () => console.log(`Teamgate ready on http://${hostname ?? "localhost"}:${port}`));

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
