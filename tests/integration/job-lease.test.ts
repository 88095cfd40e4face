import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "@/lib/db/client";
import { jobLeases } from "@/lib/db/schema";
import { withJobLease } from "@/lib/jobs/lease";
import { backends, postgresServers } from "../support/databases";
import { raceLeasedJob } from "../support/overlapping";
import { createSharedPostgres } from "../support/postgres-database";

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A job that counts its runs and takes a while, so overlapping callers really overlap. */
function countingJob(ms = 200) {
  let runs = 0;
  return {
    runs: () => runs,
    fn: async () => {
      runs += 1;
      await pause(ms);
      return { done: true };
    },
  };
}

describe.each(backends)("job leases on $name", (backend) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(() => database?.close());

  const leaseRow = async (name: string) =>
    (await database.db.select().from(jobLeases).where(eq(jobLeases.name, name)))[0];

  it("runs the job, records the run and frees the lease for the next run", async () => {
    const job = countingJob(10);
    expect(await withJobLease(database.db, "solo", { ttlMs: 60_000 }, job.fn)).toEqual({
      ran: true,
      result: { done: true },
    });
    const row = await leaseRow("solo");
    expect(row).toMatchObject({ holder: null, lastResult: { done: true } });
    expect(row?.lastStartedAt).toBeInstanceOf(Date);
    expect(row?.lastFinishedAt?.getTime()).toBeGreaterThanOrEqual(row?.lastStartedAt?.getTime() ?? 0);
    expect((await withJobLease(database.db, "solo", { ttlMs: 60_000 }, job.fn)).ran).toBe(true);
    expect(job.runs()).toBe(2);
  });

  it("lets exactly one of several simultaneous callers run", async () => {
    const { outcomes, runs } = await raceLeasedJob(
      5,
      (job) => withJobLease(database.db, "race", { ttlMs: 60_000 }, job),
      async () => ({ done: true }),
    );
    expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
    expect(runs).toBe(1);
  });

  it("refuses while another caller holds the lease, and keeps the holder's lease", async () => {
    let finish: () => void = () => {};
    const first = withJobLease(database.db, "held", { ttlMs: 60_000 }, async () => {
      await new Promise<void>((resolve) => {
        finish = resolve;
      });
      return { first: true };
    });
    for (let i = 0; i < 50 && !(await leaseRow("held"))?.holder; i++) await pause(20);
    const second = countingJob(0);
    expect(await withJobLease(database.db, "held", { ttlMs: 60_000 }, second.fn)).toEqual({ ran: false });
    expect(second.runs()).toBe(0);
    finish();
    expect(await first).toEqual({ ran: true, result: { first: true } });
  });

  it("lets a caller take over an expired lease; the late holder then changes nothing", async () => {
    let finish: () => void = () => {};
    const stuck = withJobLease(database.db, "expiring", { ttlMs: 50 }, async () => {
      await new Promise<void>((resolve) => {
        finish = resolve;
      });
      return { stuck: true };
    });
    await pause(150);
    const next = await withJobLease(database.db, "expiring", { ttlMs: 60_000 }, async ({ remember }) => {
      remember({ cursor: 2 });
      return { next: true };
    });
    expect(next.ran).toBe(true);
    finish();
    expect((await stuck).ran).toBe(true);
    // The stuck run finished after losing its lease: the takeover's record stands.
    expect(await leaseRow("expiring")).toMatchObject({ lastResult: { next: true }, state: { cursor: 2 } });
  });

  it("keeps what a run remembers for the next run", async () => {
    await withJobLease(database.db, "memory", { ttlMs: 60_000 }, async ({ state, remember }) => {
      expect(state).toBeNull();
      remember({ seen: 1 });
      return {};
    });
    const second = await withJobLease(database.db, "memory", { ttlMs: 60_000 }, async ({ state }) => ({
      state,
    }));
    expect(second).toEqual({ ran: true, result: { state: { seen: 1 } } });
  });

  it("records a failed run, frees the lease and rethrows; the state is not overwritten", async () => {
    await withJobLease(database.db, "failing", { ttlMs: 60_000 }, async ({ remember }) => {
      remember({ kept: true });
      return {};
    });
    await expect(
      withJobLease(database.db, "failing", { ttlMs: 60_000 }, async ({ remember }) => {
        remember({ kept: false });
        throw new Error("Sendoso is down");
      }),
    ).rejects.toThrow("Sendoso is down");
    expect(await leaseRow("failing")).toMatchObject({
      holder: null,
      lastResult: { error: "Sendoso is down" },
      state: { kept: true },
    });
    expect((await withJobLease(database.db, "failing", { ttlMs: 60_000 }, async () => ({}))).ran).toBe(true);
  });

  it("takes the lease times from the database clock", async () => {
    let until: Date | undefined;
    let dbNow: Date | undefined;
    await withJobLease(database.db, "clock", { ttlMs: 120_000 }, async () => {
      until = (await leaseRow("clock"))?.leaseUntil;
      const result = await database.db.execute<{ now: string }>(sql`select now()::text as now`);
      dbNow = new Date((result as unknown as { rows: { now: string }[] }).rows[0]?.now ?? "");
      return {};
    });
    const ahead = (until?.getTime() ?? 0) - (dbNow?.getTime() ?? 0);
    expect(ahead).toBeGreaterThan(110_000);
    expect(ahead).toBeLessThanOrEqual(120_000);
  });
});

// Two pools on one database stand for two app instances (each with its own connections).
describe.each(postgresServers)("job leases across two connection pools on $name", ({ adminUrl }) => {
  it("lets exactly one of two app instances run, however often they race", async () => {
    const shared = await createSharedPostgres(adminUrl);
    const [a, b] = [
      await openDatabase({ kind: "postgres", url: shared.url }),
      await openDatabase({ kind: "postgres", url: shared.url }),
    ];
    let attempts = 0;
    try {
      for (let round = 0; round < 10; round++) {
        const { outcomes, runs } = await raceLeasedJob(
          4,
          (job) =>
            // Alternate instances: a, b, a, b.
            withJobLease((attempts++ % 2 === 0 ? a : b).db, `two-pools-${round}`, { ttlMs: 60_000 }, job),
          async () => ({ done: true }),
        );
        expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
        expect(runs).toBe(1);
      }
    } finally {
      await Promise.all([a.close(), b.close()]);
      await shared.drop();
    }
  });
});
