// Runs once in each Node.js server process (not during builds, not on the edge): settings are
// checked before the first request, and the email sender starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
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
