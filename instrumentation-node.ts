// The Node.js half of instrumentation.ts, kept in its own module so the Edge compiler never sees
// process.exit or the email sender: settings are checked before the first request, and the
// email sender starts.
export async function registerNodeServer() {
  let env: (typeof import("./lib/env"))["env"];
  try {
    ({ env } = await import("./lib/env"));
  } catch (error) {
    // A missing or malformed setting stops start-up, naming it, rather than failing every request.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  if (env.EMAIL_WORKER !== "on") return;
  const { startEmailWorker } = await import("./lib/email/start-email-worker");
  startEmailWorker();
}
