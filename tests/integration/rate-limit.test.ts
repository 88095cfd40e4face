import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import {
  consume,
  createRateLimiter,
  pruneIdleSlots,
  type RateLimiterOptions,
  RateLimitTimeoutError,
} from "@/lib/rate-limit";
import { backends } from "../support/databases";
import { busiestWindow } from "../support/windows";

describe.each(backends)("shared rate limiter on $name", (backend) => {
  let database: DatabaseHandle;
  const limiters: { dispose(): Promise<void> }[] = [];
  const limiter = (options: Partial<RateLimiterOptions> & { key: string }) => {
    const created = createRateLimiter({ db: database.db, limit: 5, windowMs: 400, marginMs: 10, ...options });
    limiters.push(created);
    return created;
  };

  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await Promise.all(limiters.map((l) => l.dispose()));
    await database?.close();
  });

  /** Takes a lease and "sends" on it at once; returns the local send time. */
  async function sendThrough(l: ReturnType<typeof limiter>): Promise<number> {
    const lease = await l.acquire();
    if (!lease.begin()) return sendThrough(l);
    const at = performance.now();
    lease.end("answered");
    return at;
  }

  it("grants `limit` slots at once, then makes callers wait for the window", async () => {
    // A long window keeps the timing checks meaningful on a slow, busy machine.
    const l = limiter({ key: "burst", windowMs: 2_000 });
    const started = performance.now();
    const times = await Promise.all(Array.from({ length: 7 }, () => sendThrough(l)));
    const sorted = times.map((t) => t - started).sort((a, b) => a - b);
    expect(sorted[4]).toBeLessThan(1_500);
    expect(sorted[5]).toBeGreaterThanOrEqual(2_000);
    expect(busiestWindow(times, 2_000)).toBeLessThanOrEqual(5);
  });

  it("never lets two limiters on one key exceed the limit together", async () => {
    const a = limiter({ key: "shared" });
    const b = limiter({ key: "shared" });
    const calls = Array.from({ length: 30 }, (_, i) => sendThrough(i % 2 === 0 ? a : b));
    const times = await Promise.all(calls);
    expect(busiestWindow(times, 400)).toBeLessThanOrEqual(5);
  });

  it("keeps separate keys apart", async () => {
    const one = limiter({ key: "k1", limit: 2, windowMs: 5_000 });
    const two = limiter({ key: "k2", limit: 2, windowMs: 5_000 });
    const started = performance.now();
    await Promise.all([sendThrough(one), sendThrough(one), sendThrough(two), sendThrough(two)]);
    // Sharing one key, the last two would wait 5 s.
    expect(performance.now() - started).toBeLessThan(2_500);
  });

  it("gives up after maxWaitMs with a typed error and grants nothing", async () => {
    const l = limiter({ key: "busy", limit: 1, windowMs: 5_000, maxWaitMs: 300, prefetch: false });
    await sendThrough(l);
    const started = performance.now();
    const error = await l.acquire().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitTimeoutError);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it("releases a lease that was never used, and one that ran out before sending", async () => {
    const l = limiter({ key: "release", limit: 1, windowMs: 5_000, leaseMs: 30, prefetch: false });
    (await l.acquire()).release();
    const expired = await l.acquire();
    await new Promise((r) => setTimeout(r, 60));
    expect(expired.begin()).toBe(false);
    await l.dispose();
    const started = performance.now();
    await sendThrough(l);
    expect(performance.now() - started).toBeLessThan(2_500);
  });

  it("counts per-user events with consume()", async () => {
    const options = { key: "user:1:sends", limit: 3, windowMs: 60_000 };
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await consume(database.db, options));
    expect(results.slice(0, 3).every((r) => r.ok)).toBe(true);
    expect(results[3]).toMatchObject({ ok: false });
    if (results[3]?.ok === false) expect(results[3].retryAfterMs).toBeGreaterThan(59_000);
    expect((await consume(database.db, { ...options, key: "user:2:sends" })).ok).toBe(true);
  });

  it("prunes idle slots without freeing a held one", async () => {
    const options = { key: "user:9:signins", limit: 2, windowMs: 60_000 };
    await consume(database.db, options);
    // Unused slots of every key are idle since 'epoch'; the held one is not.
    expect(await pruneIdleSlots(database.db, 60_000)).toBeGreaterThan(0);
    expect(await consume(database.db, options)).toEqual({ ok: true });
    expect(await consume(database.db, options)).toMatchObject({ ok: false });
  });
});
