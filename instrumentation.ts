/**
 * Runs once when the server starts (not during `next build`): validate configuration and open the
 * database, so a bad setting or a PGlite folder held by another process stops the server at once; then
 * start the in-process jobs where no external scheduler is expected.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getConfig } = await import("@/lib/env");
  const config = getConfig();
  const { getDb } = await import("@/lib/db");
  await getDb();
  if (config.inProcessJobs) {
    const { startInProcessJobs } = await import("@/lib/jobs/schedule");
    startInProcessJobs();
  }
}
