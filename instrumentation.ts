// Starts the email sender inside each Node.js server process (not during builds, not on the edge).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  if (env.EMAIL_WORKER !== "on") return;
  const { startEmailWorker } = await import("./lib/email/start-email-worker");
  startEmailWorker();
}
