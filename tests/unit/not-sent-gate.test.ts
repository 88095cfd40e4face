import { describe, expect, it } from "vitest";
import { notSentGate, notSentRefusalMessage, windowClosesAt } from "@/lib/sends/not-sent-gate";

const POSTED = new Date("2026-11-26T10:00:00.000Z");
const closes = windowClosesAt(POSTED);
const pastClose = (ms: number) => new Date(closes.getTime() + ms);

describe("notSentGate", () => {
  it("refuses while the window is open, whatever was checked", () => {
    expect(
      notSentGate({ postedAt: POSTED, absentCheckedAt: null }, new Date(POSTED.getTime() + 60_000)),
    ).toEqual({
      reason: "window_open",
      until: closes,
    });
    expect(notSentGate({ postedAt: POSTED, absentCheckedAt: pastClose(-1) }, pastClose(-1))?.reason).toBe(
      "window_open",
    );
  });

  it("refuses after the window until a check from after it closed found nothing", () => {
    expect(notSentGate({ postedAt: POSTED, absentCheckedAt: null }, pastClose(1))).toEqual({
      reason: "not_checked",
    });
    expect(notSentGate({ postedAt: POSTED, absentCheckedAt: pastClose(-1) }, pastClose(1))).toEqual({
      reason: "not_checked",
    });
    expect(notSentGate({ postedAt: POSTED, absentCheckedAt: pastClose(0) }, pastClose(1))).toBeNull();
  });

  it("says why in words, with the time for a window still open", () => {
    expect(notSentRefusalMessage({ reason: "window_open", until: closes })).toContain("10:11 UTC");
    expect(notSentRefusalMessage({ reason: "ambiguous" })).toContain("could be this gift");
  });
});
