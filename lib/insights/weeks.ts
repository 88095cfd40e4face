import { addDays } from "@/lib/sends/dashboard-period";

/** The Monday (ISO week start, as PostgreSQL's date_trunc('week') has it) of a YYYY-MM-DD day. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** Every Monday from the week of `first` to the week of `last`, at most `max` (the latest ones). */
export function weeksBetween(first: string, last: string, max = 104): string[] {
  const out: string[] = [];
  for (let week = mondayOf(last); week >= mondayOf(first) && out.length < max; week = addDays(week, -7)) {
    out.push(week);
  }
  return out.reverse();
}

/** Every day from `first` to `last`, inclusive (YYYY-MM-DD). */
export function daysBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) out.push(day);
  return out;
}
