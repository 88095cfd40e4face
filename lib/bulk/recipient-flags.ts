import { and, eq, gte, inArray, or, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { sends } from "@/lib/db/schema";
import { COUNTED } from "@/lib/sends/recipient-history";
import type { RecipientFlags } from "./validate-rows";

const CHUNK = 1_000;

/**
 * For every email of a batch, at once: how often anyone in the org gifted them within the window, and
 * whether a send to them is still `unknown`. The same rule as the single send (recipient-history.ts),
 * one grouped query per thousand recipients instead of one query per row.
 */
export async function recipientFlags(
  db: Db,
  emails: string[],
  windowDays: number,
  now = new Date(),
): Promise<Map<string, RecipientFlags>> {
  const since = new Date(now.getTime() - windowDays * 24 * 60 * 60 * 1000);
  const unique = [...new Set(emails)];
  const flags = new Map<string, RecipientFlags>();
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await db
      .select({
        email: sends.recipientEmail,
        recent:
          sql<number>`count(*) filter (where ${sends.createdAt} >= ${since} and ${inArray(sends.state, COUNTED)})`.mapWith(
            Number,
          ),
        unknown: sql<number>`count(*) filter (where ${sends.state} = 'unknown')`.mapWith(Number),
      })
      .from(sends)
      .where(
        and(
          inArray(sends.recipientEmail, unique.slice(i, i + CHUNK)),
          or(and(gte(sends.createdAt, since), inArray(sends.state, COUNTED)), eq(sends.state, "unknown")),
        ),
      )
      .groupBy(sends.recipientEmail);
    for (const r of rows) flags.set(r.email, { recentSends: r.recent, unknownSend: r.unknown > 0 });
  }
  return flags;
}
