import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { type SendState, sends, type User } from "@/lib/db/schema";
import { notify } from "@/lib/notifications/notify";
import { type NotSentRefusal, notSentGate } from "./not-sent-gate";
import { type SendScope, scopeCondition } from "./scope";
import { transitionSend } from "./transitions";

export type ResolveResult =
  | { status: "not_sent"; sendId: string }
  | { status: "not_found" }
  | { status: "not_unknown"; state: SendState }
  | { status: "refused"; refusal: NotSentRefusal };

/**
 * A manager (of the send's team) or an admin confirms, after checking Sendoso, that an `unknown` send
 * never went out: `unknown → not_sent`, with the reason and the actor in the event log. That releases
 * the recipient for a new send. Outside the caller's scope reads exactly like a missing id. The audit
 * entry (`send.marked_not_sent`, with the reason) commits with the transition. Refused until the
 * send's window has closed and a reconcile after that found nothing for it (not-sent-gate.ts).
 */
export async function markUnknownNotSent(
  db: Db,
  actor: Pick<User, "id" | "name" | "email">,
  scope: SendScope,
  input: { sendId: string; reason: string; requestId?: string | null },
  now = new Date(),
): Promise<ResolveResult> {
  const [row] = await db
    .select({
      id: sends.id,
      state: sends.state,
      absentCheckedAt: sends.absentCheckedAt,
      postedAt: sql<Date>`coalesce(${sends.inFlightAt}, ${sends.createdAt})`.mapWith(sends.createdAt),
    })
    .from(sends)
    .where(and(eq(sends.id, input.sendId), scopeCondition(scope)));
  if (!row) return { status: "not_found" };
  if (row.state !== "unknown") return { status: "not_unknown", state: row.state };
  const refusal = notSentGate(row, now);
  if (refusal) return { status: "refused", refusal };
  // The audit entry and the rep's notice commit with the move, and only if it moved.
  const moved = await transitionSend(db, {
    sendId: row.id,
    from: ["unknown"],
    to: "not_sent",
    actorId: actor.id,
    patch: { errorMessage: `Confirmed not sent by ${actor.name}: ${input.reason}` },
    detail: { action: "mark_not_sent", reason: input.reason },
    onMoved: async (tx, done) => {
      await recordAudit(tx, {
        actor: { id: actor.id, email: actor.email },
        action: "send.marked_not_sent",
        target: { type: "send", id: done.id },
        before: { state: "unknown" },
        after: { state: "not_sent", reason: input.reason },
        requestId: input.requestId,
      });
      // The rep was told "do not resend; we are checking": now they may, and should know.
      await notify(tx, {
        userIds: done.senderId === actor.id ? [] : [done.senderId],
        category: "unknown_resolved",
        title: "An unconfirmed gift was not sent",
        body: `${actor.name} checked Sendoso: ${done.touchName} to ${done.recipientEmail} never went out (${input.reason}). You can send it again.`,
        link: `/history/${done.id}`,
        dedupeKey: `unknown_resolved:${done.id}`,
      });
    },
  });
  // Someone (the reconciler, another manager) moved it first: report what it is now.
  if (!moved) {
    const [now] = await db.select({ state: sends.state }).from(sends).where(eq(sends.id, row.id));
    return now ? { status: "not_unknown", state: now.state } : { status: "not_found" };
  }
  return { status: "not_sent", sendId: moved.id };
}
