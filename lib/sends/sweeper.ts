import { and, eq, lt } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { sends } from "@/lib/db/schema";
import { transitionSend } from "./transitions";

/**
 * A send stays `in_flight` only while its one upstream call runs. One older than the call's timeout
 * (plus a margin) belongs to a process that died mid-call: Sendoso may or may not have it, so it becomes
 * `unknown` for reconciliation. The sweeper never sends anything.
 */
export async function sweepStaleInFlight(
  db: Db,
  options: { olderThanMs: number; now?: Date },
): Promise<number> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.olderThanMs);
  const stale = await db
    .select({ id: sends.id })
    .from(sends)
    .where(and(eq(sends.state, "in_flight"), lt(sends.inFlightAt, cutoff)))
    .limit(500);
  let moved = 0;
  for (const { id } of stale) {
    const row = await transitionSend(db, {
      sendId: id,
      from: ["in_flight"],
      to: "unknown",
      actorId: null,
      patch: {
        errorMessage:
          "Gift Desk stopped while sending this gift. Do not resend; we are checking with Sendoso.",
        settledAt: new Date(),
      },
      detail: { reason: "stale_in_flight", cutoff: cutoff.toISOString() },
    });
    if (row) moved++;
  }
  return moved;
}
