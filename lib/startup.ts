import { getDb } from "@/lib/db";
import { getConfig } from "@/lib/env";
import { startInProcessJobs } from "@/lib/jobs/schedule";
import { log } from "@/lib/log";
import { installEgressProxy } from "@/lib/net/egress";

/**
 * Start-up of a server process (instrumentation.ts): validate configuration and open the database, so a
 * bad setting, a database behind its migrations or a PGlite folder held by another process stops the
 * server at once; then start the in-process jobs where configured (GIFT_DESK_JOBS).
 */
export async function startServer(): Promise<void> {
  try {
    const config = getConfig();
    if (installEgressProxy(config.egress)) log.info("outbound HTTP(S) goes through the configured proxy");
    if (config.otlpEndpoint) {
      const { registerTelemetry } = await import("@/lib/telemetry/register");
      registerTelemetry(config.otlpEndpoint, getDb);
      log.info("OpenTelemetry traces and metrics are exported over OTLP");
    }
    await getDb();
    if (config.inProcessJobs) startInProcessJobs();
  } catch (error) {
    // Next only logs a failed hook and keeps serving (every request would then fail); an orchestrator
    // needs the process to exit, with the reason as the last line, to report and retry it.
    log.fatal(
      { err: error },
      `Gift Desk cannot start: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
}
