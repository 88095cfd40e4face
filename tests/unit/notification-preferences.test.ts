import { describe, expect, it } from "vitest";
import { NOTIFICATION_CATEGORIES } from "@/lib/db/schema";
import { CATEGORY_INFO } from "@/lib/notifications/categories";
import { preferencesFrom, wantEmail } from "@/lib/notifications/preferences";
import { MAX_EMAIL_ATTEMPTS, retryDelayMs, smtpOutcome } from "@/lib/notifications/smtp-outcome";

describe("email preferences", () => {
  it("are on for every category without a row", () => {
    const prefs = preferencesFrom([]);
    expect(NOTIFICATION_CATEGORIES.every((c) => prefs[c])).toBe(true);
  });

  it("take each stored choice, on or off", () => {
    const prefs = preferencesFrom([
      { category: "send_failed", email: false },
      { category: "budget_threshold", email: true },
    ]);
    expect([prefs.send_failed, prefs.budget_threshold, prefs.send_rejected]).toEqual([false, true, true]);
  });

  it("leave out only the recipients who switched this category off", () => {
    const people = [{ id: "a" }, { id: "b" }, { id: "c" }];
    const rows = [
      { userId: "a", category: "send_failed" as const, email: false },
      { userId: "b", category: "send_failed" as const, email: true },
      { userId: "c", category: "budget_threshold" as const, email: false },
    ];
    expect(wantEmail(people, rows, "send_failed").map((p) => p.id)).toEqual(["b", "c"]);
    expect(wantEmail(people, rows, "budget_threshold").map((p) => p.id)).toEqual(["a", "b"]);
  });

  it("every category has a label and help text for the settings page", () => {
    for (const c of NOTIFICATION_CATEGORIES) {
      expect(CATEGORY_INFO[c].label.length).toBeGreaterThan(3);
      expect(CATEGORY_INFO[c].description.length).toBeGreaterThan(10);
    }
  });
});

describe("smtpOutcome", () => {
  it("fails at once on a 5xx reply: the server's final word", () => {
    expect(smtpOutcome(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }), 0)).toEqual({
      kind: "failed",
      error: "550: Mailbox unavailable",
      transportDown: false,
    });
  });

  it("retries a 4xx reply, and a missing connection, until the last attempt", () => {
    const busy = Object.assign(new Error("Busy"), { responseCode: 451 });
    expect(smtpOutcome(busy, 0)).toMatchObject({ kind: "retrying", transportDown: false });
    expect(smtpOutcome(busy, MAX_EMAIL_ATTEMPTS - 1)).toMatchObject({ kind: "failed" });
    const down = Object.assign(new Error("connect ECONNREFUSED"), { code: "ESOCKET" });
    expect(smtpOutcome(down, 2)).toEqual({
      kind: "retrying",
      error: "ESOCKET: connect ECONNREFUSED",
      transportDown: true,
    });
  });

  it("keeps stored errors short", () => {
    expect(smtpOutcome(new Error("x".repeat(2_000)), 0)).toMatchObject({
      error: expect.stringMatching(/^error: x+$/),
    });
    expect((smtpOutcome(new Error("x".repeat(2_000)), 0) as { error: string }).error).toHaveLength(500);
  });

  it("spaces retries out exponentially from when the email was queued", () => {
    expect([0, 1, 2, 3, 7].map((n) => retryDelayMs(n, 60_000) / 60_000)).toEqual([0, 1, 3, 7, 127]);
  });
});
