import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { jobLeases } from "@/lib/db/schema";
import { watchedJobs } from "@/lib/jobs/catalog";
import { withJobLease } from "@/lib/jobs/lease";
import { staleJobs } from "@/lib/jobs/staleness";
import { backends } from "../support/databases";

const MINUTE = 60_000;
const jobs = [
  { name: "every-minute", intervalMs: MINUTE },
  { name: "hourly", intervalMs: 60 * MINUTE },
];

describe.each(backends)("job staleness on $name", (backend) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(() => database?.close());

  const succeededAgo = (name: string, ms: number) =>
    database.db
      .insert(jobLeases)
      .values({ name, lastSucceededAt: sql`now() - make_interval(secs => ${ms / 1000}::double precision)` })
      .onConflictDoUpdate({
        target: jobLeases.name,
        set: { lastSucceededAt: sql`now() - make_interval(secs => ${ms / 1000}::double precision)` },
      });

  it("counts a job stale only once its last success is older than three intervals", async () => {
    await succeededAgo("every-minute", 2.5 * MINUTE);
    await succeededAgo("hourly", 2.5 * MINUTE);
    expect(await staleJobs(database.db, jobs, new Date())).toEqual([]);
    await succeededAgo("every-minute", 3.5 * MINUTE);
    expect(await staleJobs(database.db, jobs, new Date())).toEqual(["every-minute"]);
  });

  it("measures a job that never succeeded from the process start", async () => {
    const never = [{ name: "never-ran", intervalMs: MINUTE }];
    expect(await staleJobs(database.db, never, new Date())).toEqual([]);
    expect(await staleJobs(database.db, never, new Date(Date.now() - 4 * MINUTE))).toEqual(["never-ran"]);
  });

  it("a successful leased run records its success; a failed one does not", async () => {
    await succeededAgo("flaky", 10 * MINUTE);
    const flaky = [{ name: "flaky", intervalMs: MINUTE }];
    await expect(
      withJobLease(database.db, "flaky", { ttlMs: MINUTE }, async () => {
        throw new Error("smtp down");
      }),
    ).rejects.toThrow("smtp down");
    expect(await staleJobs(database.db, flaky, new Date())).toEqual(["flaky"]);
    await withJobLease(database.db, "flaky", { ttlMs: MINUTE }, async () => ({ ok: true }));
    expect(await staleJobs(database.db, flaky, new Date())).toEqual([]);
  });

  it("watches the email job only when email is configured", () => {
    expect(watchedJobs({ email: false }).map((j) => j.name)).not.toContain("email-delivery");
    expect(watchedJobs({ email: true }).map((j) => j.name)).toContain("email-delivery");
  });
});
