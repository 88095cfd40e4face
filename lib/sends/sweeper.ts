import { and, eq, lt, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { sends } from "@/lib/db/schema";
import { notify } from "@/lib/notifications/notify";
import { besideTheMove } from "./settle-notices";
import { transitionSend } from "./transitions";

/** Why a stale `queued` row became `not_sent`: its claim never committed, so no POST ever started. */
export const NEVER_SENT_REASON = "Gift Desk stopped before sending; nothing went out";

/** `now() - olderThanMs` on the database's clock (the same clock that stamps `in_flight_at`). */
function cutoff(olderThanMs: number, now?: Date): SQL {
  const base = now ? sql`${now.toISOString()}::timestamptz` : sql`now()`;
  return sql`${base} - ${Math.floor(olderThanMs)}::int * interval '1 millisecond'`;
}

/**
 * A send stays `in_flight` only while its one upstream call runs, and that call's deadline is shorter
 * than `olderThanMs`. One older belongs to a process that died mid-call: Sendoso may or may not have
 * it, so it becomes `unknown` for reconciliation. The sweeper never sends anything. `now` is for tests;
 * otherwise the cutoff is the database's clock, never an app instance's.
 */
export async function sweepStaleInFlight(
  db: Db,
  options: { olderThanMs: number; now?: Date },
): Promise<number> {
  const stale = await db
    .select({ id: sends.id })
    .from(sends)
    .where(and(eq(sends.state, "in_flight"), lt(sends.inFlightAt, cutoff(options.olderThanMs, options.now))))
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
      detail: { reason: "stale_in_flight", olderThanMs: options.olderThanMs },
    });
    if (row) moved++;
  }
  return moved;
}

/**
 * Sends are no longer created `queued` (record and claim are one commit), but rows from before that, or
 * from a process stopped between an old record and claim, would wait forever. The claim commit always
 * precedes the POST, so a `queued` row provably never went out: it becomes `not_sent`, its reservation
 * is released, and the rep (and the approver who released it) are told.
 */
export async function sweepStaleQueued(db: Db, options: { olderThanMs: number }): Promise<number> {
  const stale = await db
    .select({ id: sends.id })
    .from(sends)
    .where(and(eq(sends.state, "queued"), lt(sends.updatedAt, cutoff(options.olderThanMs))))
    .limit(500);
  let moved = 0;
  for (const { id } of stale) {
    const row = await transitionSend(db, {
      sendId: id,
      from: ["queued"],
      to: "not_sent",
      actorId: null,
      patch: { errorMessage: `${NEVER_SENT_REASON}.`, settledAt: new Date() },
      detail: { reason: "stale_queued" },
      onMoved: (tx, send) =>
        besideTheMove(tx, "never-sent notice", () =>
          notify(tx, {
            userIds: [send.senderId, ...(send.decidedBy ? [send.decidedBy] : [])],
            category: "send_failed",
            title: "A gift was not sent",
            body: `${send.touchName} to ${send.recipientEmail}: ${NEVER_SENT_REASON}. You can send it again.`,
            link: `/history/${send.id}`,
            dedupeKey: `never_sent:${send.id}`,
          }),
        ),
    });
    if (row) moved++;
  }
  return moved;
}
