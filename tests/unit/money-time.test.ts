import { describe, expect, it } from "vitest";
import { formatMoney as formatMoneyOrDash } from "@/components/history/labels";
import { configFrom } from "@/lib/env";
import { localeFromAcceptLanguage } from "@/lib/i18n/locale";
import { toTouchOption } from "@/lib/sends/touch-options";
import { formatCount, formatMoney } from "@/lib/spend/money";
import { budgetPeriodAt } from "@/lib/spend/period";
import { startOfDayIn, wallDateAt } from "@/lib/time/zoned";

// Intl writes a narrow no-break space before the symbol in some locales; compare on plain spaces.
const plain = (s: string) => s.replace(/\s/g, " ");

describe("money in the viewer's locale", () => {
  it("writes the org currency as each locale does", () => {
    expect(formatMoney(1234.5, "EUR", "en-US")).toBe("€1,234.50");
    expect(plain(formatMoney(1234.5, "EUR", "de-DE"))).toBe("1.234,50 €");
    expect(plain(formatMoney(1234.5, "USD", "fr-FR"))).toBe("1 234,50 $US");
    expect(formatMoney(0, "JPY", "ja-JP")).toBe("￥0");
    expect(formatCount(1000, "de-DE")).toBe("1.000");
  });

  it("a send without a currency shows the plain number, never a guessed dollar", () => {
    expect(formatMoneyOrDash("12.5", null, "de-DE")).toBe("12,50");
    expect(formatMoneyOrDash(null, "EUR", "de-DE")).toBe("—");
    expect(formatMoneyOrDash(3, "NOTACODE", "en-GB")).toBe("3.00 NOTACODE");
  });

  it("reads the locale from Accept-Language by quality, skipping junk", () => {
    expect(localeFromAcceptLanguage("de-DE,de;q=0.9,en;q=0.8")).toBe("de-DE");
    expect(localeFromAcceptLanguage("en;q=0.2, fr-CA;q=0.9")).toBe("fr-CA");
    expect(localeFromAcceptLanguage("*, !!bad!!;q=1, pt-BR;q=0.5")).toBe("pt-BR");
    expect(localeFromAcceptLanguage("")).toBeUndefined();
    expect(localeFromAcceptLanguage(null)).toBeUndefined();
  });

  it("touch prices use the viewer's locale and the org currency when Sendoso names none", () => {
    const egift = {
      id: 1,
      name: "Coffee",
      status: "Active",
      delivery_type: "email",
      starting_egift_price: 25,
      ending_egift_price: 100,
    } as Parameters<typeof toTouchOption>[0];
    const option = toTouchOption(egift, new Date(), null, { locale: "de-DE", currency: "EUR" });
    expect(plain(option.priceRange ?? "")).toBe("25 €–100 €");
  });
});

describe("ORG_TIME_ZONE", () => {
  it("is validated at start-up and defaults to UTC", () => {
    expect(configFrom({}).timeZone).toBe("UTC");
    expect(configFrom({ ORG_TIME_ZONE: "Australia/Sydney" }).timeZone).toBe("Australia/Sydney");
    expect(() => configFrom({ ORG_TIME_ZONE: "Mars/Olympus" })).toThrow(
      /ORG_TIME_ZONE must be an IANA time zone/,
    );
  });
});

describe("calendar arithmetic in a zone", () => {
  it("finds local midnight across DST and date lines", () => {
    expect(startOfDayIn({ year: 2026, month: 11, day: 1 }, "Australia/Sydney")).toEqual(
      new Date("2026-10-31T13:00:00Z"),
    );
    // The day New York springs forward still starts at its own midnight (EST, -05:00).
    expect(startOfDayIn({ year: 2026, month: 3, day: 8 }, "America/New_York")).toEqual(
      new Date("2026-03-08T05:00:00Z"),
    );
    expect(startOfDayIn({ year: 2026, month: 3, day: 9 }, "America/New_York")).toEqual(
      new Date("2026-03-09T04:00:00Z"),
    );
    expect(wallDateAt(new Date("2026-11-30T20:00:00Z"), "Pacific/Auckland")).toEqual({
      year: 2026,
      month: 12,
      day: 1,
    });
  });

  it("a budget month starts at the org's midnight, not UTC's", () => {
    // 20:00 UTC on Nov 30 is already December 1st in Auckland: December's budget.
    expect(budgetPeriodAt("monthly", new Date("2026-11-30T20:00:00Z"), "Pacific/Auckland")).toEqual({
      start: new Date("2026-11-30T11:00:00Z"),
      end: new Date("2026-12-31T11:00:00Z"),
    });
    expect(budgetPeriodAt("monthly", new Date("2026-11-30T20:00:00Z"), "UTC").start).toEqual(
      new Date("2026-11-01T00:00:00Z"),
    );
    // Los Angeles: the quarter runs from Oct 1 (PDT) to Jan 1 (PST).
    expect(budgetPeriodAt("quarterly", new Date("2026-12-31T23:00:00Z"), "America/Los_Angeles")).toEqual({
      start: new Date("2026-10-01T07:00:00Z"),
      end: new Date("2027-01-01T08:00:00Z"),
    });
  });
});
