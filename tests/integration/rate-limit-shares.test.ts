import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import {
  createRateLimiter,
  defaultReadSlots,
  type RateLimiter,
  type RateLimiterOptions,
  type SlotKind,
} from "@/lib/rate-limit";
import { backends } from "../support/databases";

/** Issue 16 item 3: reads and sends get separate shares of the shared Sendoso limiter. */
describe.each(backends)("limiter shares on $name", (backend) => {
  let database: DatabaseHandle;
  const limiters: RateLimiter[] = [];
  const limiter = (options: Partial<RateLimiterOptions> & { key: string }) => {
    const created = createRateLimiter({
      db: database.db,
      limit: 5,
      windowMs: 1_000,
      marginMs: 10,
      maxWaitMs: 3_000,
      ...options,
    });
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

  /** Takes a slot and "sends" on it at once; resolves with when it was granted, or the error. */
  async function use(l: RateLimiter, kind: SlotKind): Promise<number | Error> {
    try {
      const lease = await l.acquire(kind);
      const at = performance.now();
      if (lease.begin()) lease.end("answered");
      return at;
    } catch (error) {
      return error as Error;
    }
  }

  it("keeps 30% of the slots for sends by default", () => {
    expect([1, 2, 5, 10, 20].map(defaultReadSlots)).toEqual([1, 1, 3, 7, 14]);
  });

  it("50 queued reads in this process: a send arriving after them is granted at once", async () => {
    const l = limiter({ key: "share:queue", prefetch: false });
    const reads = Array.from({ length: 50 }, () => use(l, "read"));
    await new Promise((r) => setTimeout(r, 50));
    const asked = performance.now();
    const sent = await use(l, "send");
    expect(typeof sent).toBe("number");
    // Without the share it waits behind ten windows of reads and times out after 3 s.
    expect((sent as number) - asked).toBeLessThan(500);
    const outcomes = await Promise.all(reads);
    // Reads got no more than their share per window: 3 in each of the ~4 windows before giving up.
    expect(outcomes.filter((o) => typeof o === "number").length).toBeLessThanOrEqual(3 * 4);
  });

  it("reads flooding from another instance never take the slots kept for sends", async () => {
    const reader = limiter({ key: "share:instances", prefetch: false });
    const sender = limiter({ key: "share:instances", prefetch: false });
    const reads = Array.from({ length: 50 }, () => use(reader, "read"));
    await new Promise((r) => setTimeout(r, 100));
    const asked = performance.now();
    const sends = await Promise.all([use(sender, "send"), use(sender, "send")]);
    for (const at of sends) {
      expect(typeof at).toBe("number");
      expect((at as number) - asked).toBeLessThan(500);
    }
    await Promise.all(reads);
  });

  it("acquire() with no kind is a send, as before", async () => {
    const l = limiter({ key: "share:default", prefetch: false, readSlots: 1 });
    const granted = await Promise.all(Array.from({ length: 5 }, () => use(l, undefined as never)));
    const first = Math.min(...(granted as number[]));
    expect(granted.every((g) => typeof g === "number" && g - first < 500)).toBe(true);
  });
});
