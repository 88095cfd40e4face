import { describe, expect, it } from "vitest";
import { type SendCheckOutcome, sendCheckOutcome } from "@/lib/jobs/runs";
import type { ReconcileCounts } from "@/lib/sends/reconcile";

type Counts = Omit<ReconcileCounts, "reachedSendIds"> & { reached: number };

const counts = (overrides: Partial<Counts>): Counts => ({
  looked: 1,
  pages: 1,
  complete: true,
  ordered: true,
  resolved: 0,
  foundAfterNotSent: 0,
  notReached: 0,
  reached: 0,
  rejectedSentVia: {},
  resume: null,
  updated: 0,
  unchanged: 0,
  ambiguous: 0,
  ambiguousSendIds: [],
  notFound: 0,
  waiting: 0,
  conflicts: 0,
  ...overrides,
});

describe("sendCheckOutcome", () => {
  it.each<[string, Partial<Counts>, SendCheckOutcome]>([
    ["found", { resolved: 1 }, "found"],
    ["changed meanwhile", { conflicts: 1 }, "changed"],
    ["found although marked not sent", { foundAfterNotSent: 1 }, "changed"],
    ["two candidates", { ambiguous: 1 }, "ambiguous"],
    ["window still open", { waiting: 1 }, "too_early"],
    ["absent after a full walk", { notFound: 1 }, "not_found"],
    ["window not read whole", { notReached: 1, complete: false }, "not_reached"],
  ])("%s → %s", (_label, overrides, expected) => {
    expect(sendCheckOutcome({ ran: true, result: counts(overrides) })).toBe(expected);
  });

  it("says busy when another run holds the lease, and names a missing connection", () => {
    expect(sendCheckOutcome({ ran: false })).toBe("busy");
    expect(sendCheckOutcome({ ran: true, result: { skipped: "no_sendoso_connection" } })).toBe(
      "no_connection",
    );
  });
});
