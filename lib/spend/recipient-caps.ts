import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type RecipientSpendCaps, recipientSpendCaps, sends } from "@/lib/db/schema";
import { getConfig } from "@/lib/env";
import { usageOf } from "./budget-usage";
import { calendarYearAt } from "./period";
import { type RecipientCapMeter, recipientDomain } from "./recipient-cap-rules";

/** The one caps row, or null when an admin never set any. */
export async function readRecipientCaps(db: Db): Promise<RecipientSpendCaps | null> {
  const [row] = await db.select().from(recipientSpendCaps).where(eq(recipientSpendCaps.id, "org"));
  return row ?? null;
}

export function hasRecipientCaps(row: RecipientSpendCaps | null): row is RecipientSpendCaps {
  return !!row && (row.perEmailYearly !== null || row.perDomainYearly !== null);
}

/**
 * Serialises "read this recipient's year, then reserve" for every send to one domain, inside the send's
 * record transaction. The domain lock covers the email cap too (every address is inside its domain), so
 * one lock per send suffices; it is taken after the budget and org locks, always in that order.
 */
export async function lockRecipientDomain(tx: Pick<Db, "execute">, domain: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`recipient-domain:${domain}`}, 0))`);
}

const domainOf = sql`split_part(${sends.recipientEmail}, '@', 2)`;

/**
 * This year's use of each cap that is set, for one recipient. Reserved + spent exactly as budgets count
 * (lib/spend/budget-usage.ts): in flight, unknown, queued and pending-within-budget hold their value.
 * Emails are stored lower-cased (the send schema), so equality is enough.
 */
export async function recipientCapMeters(
  db: Db,
  caps: RecipientSpendCaps,
  email: string,
  now: Date,
  timeZone = getConfig().timeZone,
): Promise<RecipientCapMeter[]> {
  const year = calendarYearAt(now, timeZone);
  const inYear = and(gte(sends.createdAt, year.start), lt(sends.createdAt, year.end));
  const meters: RecipientCapMeter[] = [];
  const meter = (scope: RecipientCapMeter["scope"], subject: string, cap: string, usage: Usage) => {
    const amount = Number(cap);
    const left = Math.round((amount - usage.spent - usage.reserved) * 100) / 100;
    return { scope, subject, year: year.year, cap: amount, ...usage, left };
  };
  if (caps.perEmailYearly !== null) {
    const usage = await usageOf(db, and(eq(sends.recipientEmail, email), inYear));
    meters.push(meter("email", email, caps.perEmailYearly, usage));
  }
  if (caps.perDomainYearly !== null) {
    const domain = recipientDomain(email);
    const usage = await usageOf(db, and(sql`${domainOf} = ${domain}`, inYear));
    meters.push(meter("domain", domain, caps.perDomainYearly, usage));
  }
  return meters;
}

type Usage = { spent: number; reserved: number };
