// Runs once in each server process. Next.js replaces NEXT_RUNTIME at compile time, so the Edge
// build drops this branch and never compiles the Node.js-only module behind it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { registerNodeServer } = await import("./instrumentation-node");
    await registerNodeServer();
  }
}
