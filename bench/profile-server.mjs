// Profiling aid (not part of `npm run bench`): serves the production build in this process so the
// V8 profiler can be switched on and off around a load test. `kill -USR1 <pid>` starts profiling,
// `kill -USR2 <pid>` writes bench/.tmp/server.cpuprofile (open it in Chrome DevTools).
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { Session } from "node:inspector/promises";
import next from "next";

const port = Number(process.env.PORT ?? 3900);
const app = next({ dev: false, hostname: "127.0.0.1", port });
await app.prepare();
const handle = app.getRequestHandler();
createServer((request, response) => handle(request, response)).listen(port, "127.0.0.1", () =>
  console.log(`ready on ${port}, pid ${process.pid}`),
);

const session = new Session();
session.connect();
process.on("SIGUSR1", async () => {
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  console.log("profiling");
});
process.on("SIGUSR2", async () => {
  const { profile } = await session.post("Profiler.stop");
  mkdirSync("bench/.tmp", { recursive: true });
  writeFileSync("bench/.tmp/server.cpuprofile", JSON.stringify(profile));
  console.log("wrote bench/.tmp/server.cpuprofile");
});
