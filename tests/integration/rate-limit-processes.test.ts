import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { createRateLimiter } from "@/lib/rate-limit";
import { createSendosoClient } from "@/lib/sendoso/client";
import { backends, openFreshPostgres, postgresServers } from "../support/databases";
import { startWorker } from "../support/postgres-database";
import { startSimulator, type TestSimulator } from "../support/simulator";
import { busiestWindow } from "../support/windows";

/**
 * The outbound limiter measured where it matters, at Sendoso: the simulator throttles like the real API
 * (more than 10 requests in a sliding second → 429) and logs when each request arrived.
 */
const PATH = "/api/v3/touches/1001";

async function expectWithinLimit(sim: TestSimulator, calls: number) {
  const requests = await sim.requests({ path: PATH });
  expect(requests).toHaveLength(calls);
  expect(requests.every((r) => r.status === 200)).toBe(true);
  expect((await sim.stats()).rate_limited).toBe(0);
  const arrivals = requests.map((r) => Date.parse(r.received_at));
  expect(busiestWindow(arrivals, 1_000)).toBeLessThanOrEqual(10);
  return arrivals;
}

/** `callers` concurrent loops of `calls` GETs each through one client on `limiter`. */
async function drive(client: ReturnType<typeof createSendosoClient>, callers: number, calls: number) {
  await Promise.all(
    Array.from({ length: callers }, async () => {
      for (let i = 0; i < calls; i++) await client.getTouch(1001);
    }),
  );
}

describe.each(backends)("outbound limiter at the simulator on $name", (backend) => {
  let database: DatabaseHandle;
  let sim: TestSimulator;

  beforeAll(async () => {
    [database, sim] = await Promise.all([
      backend.open(),
      startSimulator({ rateLimit: { limit: 10, windowMs: 1_000 } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([database?.close(), sim?.close()]);
  });

  it("keeps 100 calls from 20 callers on two app instances under 10 per second", async () => {
    // Two limiters on one database stand for two app instances in one process.
    const instances = [0, 1].map(() => {
      const limiter = createRateLimiter({
        db: database.db,
        key: "sendoso:instances",
        limit: 10,
        windowMs: 1_000,
        maxWaitMs: 20_000,
      });
      const client = createSendosoClient({
        baseUrl: sim.baseUrl,
        timeoutMs: 5_000,
        getAccessToken: async () => "sandbox-token",
        limiter,
      });
      return { limiter, client };
    });
    const started = Date.now();
    await Promise.all(instances.map(({ client }) => drive(client, 10, 5)));
    await expectWithinLimit(sim, 100);
    // Waiting, not failing: the callers were held back (100 calls cannot fit in less than 9 s).
    expect(Date.now() - started).toBeGreaterThan(9_000);
    await Promise.all(instances.map(({ limiter }) => limiter.dispose()));
  }, 60_000);
});

/** PGlite cannot be shared between processes, so the two-process run needs PostgreSQL. */
describe.each(postgresServers)("outbound limiter across two processes on $name", ({ adminUrl }) => {
  let database: Awaited<ReturnType<typeof openFreshPostgres>>;
  let sim: TestSimulator;

  beforeAll(async () => {
    [database, sim] = await Promise.all([
      openFreshPostgres(adminUrl),
      startSimulator({ rateLimit: { limit: 10, windowMs: 1_000 } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([database?.close(), sim?.close()]);
  });

  it("never lets 200 calls from 20 callers in 2 processes exceed 10 per second", async () => {
    const key = "sendoso:two-processes";
    const worker = startWorker<{ ok: number; errors: string[] }>("tests/support/sendoso-worker.ts", {
      mode: "rate-limit",
      databaseUrl: database.url,
      simUrl: sim.baseUrl,
      limiterKey: key,
      limit: 10,
      callers: 10,
      callsPerCaller: 10,
    });
    const limiter = createRateLimiter({
      db: database.db,
      key,
      limit: 10,
      windowMs: 1_000,
      maxWaitMs: 20_000,
    });
    const client = createSendosoClient({
      baseUrl: sim.baseUrl,
      timeoutMs: 5_000,
      getAccessToken: async () => "sandbox-token",
      limiter,
    });
    await worker.ready;
    worker.go();
    await drive(client, 10, 10);
    expect(await worker.result).toEqual({ ok: 100, errors: [] });
    await limiter.dispose();
    const arrivals = await expectWithinLimit(sim, 200);
    // Waiting, not failing: 200 calls take about 20 s (more on a loaded machine), none is refused.
    expect(Math.max(...arrivals) - Math.min(...arrivals)).toBeLessThan(60_000);
  }, 90_000);
});
