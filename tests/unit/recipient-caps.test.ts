import { describe, expect, it } from "vitest";
import { calendarYearAt } from "@/lib/spend/period";
import {
  capMessage,
  capOverrun,
  type RecipientCapMeter,
  recipientDomain,
} from "@/lib/spend/recipient-cap-rules";

const meter = (over: Partial<RecipientCapMeter> = {}): RecipientCapMeter => ({
  scope: "email",
  subject: "jane@acme.com",
  year: 2026,
  cap: 100,
  spent: 60,
  reserved: 15,
  left: 25,
  ...over,
});

describe("per-recipient cap arithmetic", () => {
  it("a gift fits while it is at most what is left, to the cent", () => {
    expect(capOverrun([meter()], 25)).toBeUndefined();
    expect(capOverrun([meter()], 25.01)?.scope).toBe("email");
    expect(capOverrun([meter({ left: 0.3 })], 0.1 + 0.2)).toBeUndefined();
    expect(capOverrun([meter({ left: 0 })], 0)).toBeUndefined();
  });

  it("a gift with no estimate passes only a cap with nothing left", () => {
    expect(capOverrun([meter()], null)).toBeUndefined();
    expect(capOverrun([meter({ left: 0 })], null)).toBeDefined();
    expect(capOverrun([meter({ left: -5 })], null)).toBeDefined();
  });

  it("names the first cap passed, the email's before the domain's", () => {
    const domain = meter({ scope: "domain", subject: "acme.com", left: 5 });
    expect(capOverrun([meter({ left: 1 }), domain], 10)?.scope).toBe("email");
    expect(capOverrun([meter(), domain], 10)?.scope).toBe("domain");
  });

  it("the message carries the numbers: the gift, the total it would reach, the cap, what is used", () => {
    const text = capMessage(meter(), 40, "USD", "refuse");
    expect(text).toBe(
      "Over the 2026 gift cap for jane@acme.com: this $40.00 gift would bring 2026's gifts to $115.00 " +
        "(cap $100.00, $75.00 already sent or reserved). Nothing was sent.",
    );
    const domain = capMessage(meter({ scope: "domain", subject: "acme.com" }), 40, "EUR", "approve");
    expect(domain).toContain("for everyone at acme.com");
    expect(domain).toContain("€");
    expect(domain).toContain("It waits for a manager's approval.");
    expect(capMessage(meter({ left: 0 }), null, "USD", "refuse")).toContain(
      "no cost estimate and $0.00 is left",
    );
  });

  it("the domain is what follows the @, lower-cased", () => {
    expect(recipientDomain("Jane@ACME.com")).toBe("acme.com");
    expect(recipientDomain("no-at-sign")).toBe("");
  });
});

describe("the org's calendar year", () => {
  it("Sydney's year starts 11 hours before UTC's (summer time)", () => {
    const before = calendarYearAt(new Date("2026-12-31T12:59:59Z"), "Australia/Sydney");
    const after = calendarYearAt(new Date("2026-12-31T13:00:00Z"), "Australia/Sydney");
    expect(before).toEqual({
      year: 2026,
      start: new Date("2025-12-31T13:00:00Z"),
      end: new Date("2026-12-31T13:00:00Z"),
    });
    expect(after.year).toBe(2027);
    expect(after.start).toEqual(new Date("2026-12-31T13:00:00Z"));
  });

  it("Los Angeles' year starts 8 hours after UTC's", () => {
    const lateNewYearsEve = calendarYearAt(new Date("2027-01-01T07:59:00Z"), "America/Los_Angeles");
    expect(lateNewYearsEve).toEqual({
      year: 2026,
      start: new Date("2026-01-01T08:00:00Z"),
      end: new Date("2027-01-01T08:00:00Z"),
    });
    expect(calendarYearAt(new Date("2027-01-01T08:00:00Z"), "America/Los_Angeles").year).toBe(2027);
  });

  it("UTC is plain", () => {
    expect(calendarYearAt(new Date("2026-07-01T00:00:00Z"), "UTC")).toEqual({
      year: 2026,
      start: new Date("2026-01-01T00:00:00Z"),
      end: new Date("2027-01-01T00:00:00Z"),
    });
  });
});
