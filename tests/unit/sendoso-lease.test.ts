import { describe, expect, it } from "vitest";
import { createLease } from "@/lib/rate-limit/lease";

/** A lease on a fake clock that records what it hands back to the database. */
function lease() {
  let now = 1_000;
  const adjustments: number[] = [];
  const l = createLease({
    grant: { slot: 0, generation: "1" },
    requestedAt: now,
    leaseMs: 250,
    // cooldown (window 1000 + margin 50) + lease 250 + request timeout 15000
    holdMs: 16_300,
    cooldownMs: 1_050,
    giveBack: (_grant, ms) => adjustments.push(ms),
    now: () => now,
  });
  return { l, adjustments, advance: (ms: number) => (now += ms) };
}

describe("rate-limit lease", () => {
  it("keeps the slot one cooldown past the answer, and hands back the rest", () => {
    const { l, adjustments, advance } = lease();
    advance(10);
    expect(l.begin()).toBe(true);
    advance(30);
    l.end("answered");
    // free_at = grant + 16 300 - 15 210 = grant + 1 090 = answer time (grant + ≤ 40) + 1 050.
    expect(adjustments).toEqual([16_300 - 1_050 - 40]);
  });

  it("extends the hold when an answer outlived it", () => {
    const { l, adjustments, advance } = lease();
    l.begin();
    advance(15_400);
    l.end("answered");
    expect(adjustments).toEqual([16_300 - 1_050 - 15_400]);
    expect(adjustments[0]).toBeLessThan(0);
  });

  it("keeps the whole hold when the request may still be on its way", () => {
    const { l, adjustments } = lease();
    l.begin();
    l.end("unanswered");
    expect(adjustments).toEqual([]);
  });

  it("releases the whole hold when nothing left or nothing was used", () => {
    const a = lease();
    a.l.begin();
    a.l.end("not_sent");
    expect(a.adjustments).toEqual([16_300]);
    const b = lease();
    b.l.release();
    expect(b.adjustments).toEqual([16_300]);
  });

  it("refuses to start after the lease ran out, and releases it", () => {
    const { l, adjustments, advance } = lease();
    advance(251);
    expect(l.begin()).toBe(false);
    expect(adjustments).toEqual([16_300]);
  });

  it("can be ended only once, and not released once begun", () => {
    const { l, adjustments } = lease();
    l.begin();
    l.release();
    l.end("answered");
    l.end("not_sent");
    expect(adjustments).toHaveLength(1);
    expect(l.begin()).toBe(false);
  });
});
