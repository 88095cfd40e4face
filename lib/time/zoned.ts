/**
 * Calendar arithmetic in an IANA time zone with nothing but Intl: the wall-clock parts of an instant,
 * and the instant a wall-clock midnight happens. No imports, so client and server share it.
 */
export type WallDate = { year: number; month: number; day: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US-u-nu-latn", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallParts(at: Date, timeZone: string) {
  const out: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(at)) {
    if (p.type !== "literal") out[p.type] = Number(p.value);
  }
  return out as Record<"year" | "month" | "day" | "hour" | "minute" | "second", number>;
}

/** The calendar date (month 1–12) in `timeZone` at the instant `at`. */
export function wallDateAt(at: Date, timeZone: string): WallDate {
  const { year, month, day } = wallParts(at, timeZone);
  return { year, month, day };
}

/** How far `timeZone`'s wall clock is ahead of UTC at `at`, in milliseconds. */
function offsetAt(at: Date, timeZone: string): number {
  const p = wallParts(at, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * The instant `timeZone`'s clocks show 00:00 on this date (month 1–12; months past 12 roll into the next
 * year). Where a DST change skips midnight, the first instant of that day.
 */
export function startOfDayIn(date: WallDate, timeZone: string): Date {
  const guess = Date.UTC(date.year, date.month - 1, date.day);
  // Two passes settle the offset across a DST change between the guess and the answer.
  let at = guess - offsetAt(new Date(guess), timeZone);
  at = guess - offsetAt(new Date(at), timeZone);
  return new Date(at);
}
