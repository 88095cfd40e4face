import { sql } from "drizzle-orm";
import { openDatabase } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { sweepStaleInFlight } from "@/lib/sends/sweeper";
import { createSendosoSimulator } from "@/sandbox/sendoso/simulator";
import { createSharedPostgres } from "../../tests/support/postgres-database";
import { simulatorAt } from "../../tests/support/simulator";
import { seedReps, startCluster } from "./cluster";
import { driveSends, type SendResult } from "./drive";

export type ScenarioOptions = {
  adminUrl: string;
  instances: number;
  reps: number;
  sends: number;
  rateLimitPerSecond: number;
  doubleSubmitEvery?: number;
  /** SIGKILL the last instance when half the sends have started. */
  killOne?: boolean;
};

export type ScenarioReport = {
  results: SendResult[];
  wallMs: number;
  /** POST /api/v3/send as the simulator received them. */
  posts: { email: string; at: number }[];
  /** Rows per idempotency key, and rows left queued/in_flight after the sweep. */
  rowsPerKey: Map<string, number>;
  stuck: number;
  states: Record<string, number>;
};

const TIMEOUT_MS = 3_000;

/**
 * One run: a fresh database, a simulator answering each send after 50 ms (and never throttling, so only
 * Gift Desk's own shared limiter keeps the rate), N instances, `reps` concurrent reps. After the sends,
 * rows left `in_flight` by a killed instance are swept the way the sweeper job does once their call
 * timeout has passed (its usual extra minute of margin is skipped to keep the run short).
 */
export async function runScenario(options: ScenarioOptions): Promise<ScenarioReport> {
  const database = await createSharedPostgres(options.adminUrl);
  const handle = await openDatabase({ kind: "postgres", url: database.url });
  const sim = createSendosoSimulator({ rateLimit: false });
  const simUrl = await sim.listen(0);
  const control = simulatorAt(simUrl);
  await control.injectFault({ type: "delay", ms: 50 }, 1_000_000);
  const cluster = await startCluster({
    instances: options.instances,
    databaseUrl: database.url,
    sendosoUrl: simUrl,
    rateLimitPerSecond: options.rateLimitPerSecond,
    timeoutMs: TIMEOUT_MS,
  });
  try {
    const reps = await seedReps(handle.db, cluster, options.reps);
    const started = performance.now();
    const results = await driveSends({
      apps: cluster.apps,
      reps,
      sends: options.sends,
      doubleSubmitEvery: options.doubleSubmitEvery,
      atHalf: options.killOne ? () => cluster.apps.at(-1)?.kill() : undefined,
    });
    const wallMs = performance.now() - started;
    await new Promise((r) => setTimeout(r, TIMEOUT_MS + 500));
    await sweepStaleInFlight(handle.db, { olderThanMs: TIMEOUT_MS });
    const logged = await control.requests({ method: "POST", path: "/api/v3/send" });
    const posts = logged.map((r) => ({
      email: String((r.json as { send?: { email?: string } } | null)?.send?.email),
      at: Date.parse(r.received_at),
    }));
    const perKey = await selectRows<{ key: string; n: string }>(
      handle.db,
      sql`select idempotency_key::text as key, count(*)::text as n from sends group by 1`,
    );
    const states = await selectRows<{ state: string; n: string }>(
      handle.db,
      sql`select state, count(*)::text as n from sends group by 1`,
    );
    const byState = Object.fromEntries(states.map((s) => [s.state, Number(s.n)]));
    return {
      results,
      wallMs,
      posts,
      rowsPerKey: new Map(perKey.map((r) => [r.key, Number(r.n)])),
      stuck: (byState.queued ?? 0) + (byState.in_flight ?? 0),
      states: byState,
    };
  } finally {
    await cluster.stop();
    await sim.close();
    await handle.close();
    await database.drop();
  }
}
