import { describe, expect, it } from "vitest";
import { createLease } from "@/lib/rate-limit/lease";

/** A lease on a fake clock that records what it hands back to the database. */
function lease(leaseMs = 250, holdMs = 1_300) {
  let now = 1_000;
  const givenBack: number[] = [];
  const l = createLease({
    grant: { slot: 0, generation: "1" },
    requestedAt: now,
    leaseMs,
    holdMs,
    giveBack: (_grant, ms) => givenBack.push(ms),
    now: () => now,
  });
  return { l, givenBack, advance: (ms: number) => (now += ms) };
}

describe("rate-limit lease", () => {
  it("hands back the unused part of the lease once upstream answered", () => {
    const { l, givenBack, advance } = lease();
    advance(10);
    expect(l.begin()).toBe(true);
    advance(30);
    l.end("answered");
    expect(givenBack).toEqual([210]);
  });

  it("keeps the whole hold when the request may still be on its way", () => {
    const { l, givenBack } = lease();
    l.begin();
    l.end("unanswered");
    expect(givenBack).toEqual([]);
  });

  it("releases the whole hold when nothing left or nothing was used", () => {
    const a = lease();
    a.l.begin();
    a.l.end("not_sent");
    expect(a.givenBack).toEqual([1_300]);
    const b = lease();
    b.l.release();
    expect(b.givenBack).toEqual([1_300]);
  });

  it("refuses to start after the lease ran out, and releases it", () => {
    const { l, givenBack, advance } = lease();
    advance(251);
    expect(l.begin()).toBe(false);
    expect(givenBack).toEqual([1_300]);
  });

  it("can be ended only once, and not released once begun", () => {
    const { l, givenBack } = lease();
    l.begin();
    l.release();
    l.end("answered");
    l.end("not_sent");
    expect(givenBack).toHaveLength(1);
    expect(l.begin()).toBe(false);
  });
});
