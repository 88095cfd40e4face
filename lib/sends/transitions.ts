import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type Send, type SendState, sendEvents, sends } from "@/lib/db/schema";

type SendPatch = Partial<
  Pick<
    Send,
    | "trackingCode"
    | "trackingUrl"
    | "errorMessage"
    | "errorDetail"
    | "settledAt"
    | "decidedBy"
    | "decidedAt"
    | "decisionReason"
  >
> & {
  /** `sql\`now()\``: the database's clock, which the sweeper's cutoff also uses. */
  inFlightAt?: Date | SQL;
};

export type TransitionArgs = {
  sendId: string;
  from: SendState[];
  to: SendState;
  actorId: string | null;
  patch?: SendPatch;
  detail?: Record<string, unknown>;
  /** More writes that must commit with the move (audit entry, notification); runs only if it moved. */
  onMoved?: (tx: Db, row: Send) => Promise<void>;
};

/** The move itself, inside the caller's transaction (so other checks can share its one commit). */
export async function moveSend(tx: Db, args: TransitionArgs): Promise<Send | null> {
  const [row] = await tx
    .update(sends)
    .set({ ...args.patch, state: args.to, updatedAt: new Date() })
    .where(and(eq(sends.id, args.sendId), inArray(sends.state, args.from)))
    .returning();
  if (!row) return null;
  await tx.insert(sendEvents).values({
    sendId: row.id,
    actorId: args.actorId,
    fromState: args.from.length === 1 ? args.from[0] : null,
    toState: args.to,
    detail: args.detail ?? null,
  });
  await args.onMoved?.(tx, row);
  return row;
}

/**
 * Moves a send from one of `from` to `to` with a conditional UPDATE, and appends the event in the same
 * transaction. Returns null when the row was not in an allowed state (someone else moved it first):
 * that is how two requests racing for one send end up with exactly one upstream call.
 */
export async function transitionSend(db: Db, args: TransitionArgs): Promise<Send | null> {
  return db.transaction((tx) => moveSend(tx as unknown as Db, args));
}
