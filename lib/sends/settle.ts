import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { type Send, sends } from "@/lib/db/schema";
import { log } from "@/lib/log";
import type { SendOutcome } from "@/lib/sendoso/client";
import { tellSenderItFailed } from "./failure-notice";
import { readableRejection, UNKNOWN_OUTCOME_MESSAGE } from "./outcome-messages";
import { alertFoundAfterNotSent } from "./reconcile-alerts";
import { besideTheMove } from "./settle-notices";
import { transitionSend } from "./transitions";

/** Where the outcome of the one upstream call is written; its event records what Sendoso said. */
function settlementFor(outcome: SendOutcome, settledAt: Date) {
  switch (outcome.kind) {
    case "accepted":
      return {
        to: "sent" as const,
        patch: { trackingCode: outcome.trackingCode, trackingUrl: outcome.trackingUrl, settledAt },
        detail: { trackingCode: outcome.trackingCode },
      };
    case "rejected":
      return {
        to: "failed" as const,
        patch: {
          errorMessage: readableRejection(outcome.status, outcome.message),
          errorDetail: outcome.field,
          settledAt,
        },
        detail: { status: outcome.status, message: outcome.message },
      };
    case "not_sent":
      return {
        to: "failed" as const,
        patch: { errorMessage: outcome.message, settledAt },
        detail: { reason: "not_sent" },
      };
    case "unknown":
      return {
        to: "unknown" as const,
        patch: { errorMessage: UNKNOWN_OUTCOME_MESSAGE, settledAt },
        detail: { detail: outcome.detail },
      };
  }
}

/** Settle writes are retried this many times in all on a database error (they are conditional). */
export const SETTLE_TRIES = 4;
const pause = (tries: number) => new Promise((r) => setTimeout(r, 50 * 3 ** tries));

async function load(db: Db, id: string): Promise<Send | undefined> {
  const [row] = await db.select().from(sends).where(eq(sends.id, id));
  return row;
}

/**
 * One write of the outcome. An accepted answer settles from `in_flight` or `unknown` (the sweeper may
 * have given up on us meanwhile), and even from `not_sent`: someone decided it never went out, but it
 * did, so the tracking code is kept and the managers hear of it. A definite refusal settles from
 * `in_flight` or `unknown`; an unclear answer only from `in_flight`. Null: the row was elsewhere.
 */
async function writeOnce(db: Db, row: Send, outcome: SendOutcome, actorId: string): Promise<Send | null> {
  const { to, patch, detail } = settlementFor(outcome, new Date());
  const moved = await transitionSend(db, {
    sendId: row.id,
    from: to === "unknown" ? ["in_flight"] : ["in_flight", "unknown"],
    to,
    actorId: null,
    patch,
    detail,
    // Lost in a database crash, this write degrades to in_flight → unknown → reconciled (see
    // transitions.ts); it saves the settle's WAL flush, a few ms of every send.
    relaxedCommit: true,
    // A notice never rolls the settle back (besideTheMove); emails go out from the outbox later.
    onMoved:
      to === "failed" && actorId !== row.senderId
        ? (tx, sent) => besideTheMove(tx, "failure notice", () => tellSenderItFailed(tx, sent))
        : undefined,
  });
  if (moved || to !== "sent") return moved;
  return transitionSend(db, {
    sendId: row.id,
    from: ["not_sent"],
    to,
    actorId: null,
    patch,
    detail: { ...detail, afterNotSent: true },
    onMoved: async (tx, sent) => {
      await recordAudit(tx, {
        actor: null,
        action: "send.found_after_not_sent",
        target: { type: "send", id: sent.id },
        before: { state: "not_sent" },
        after: { state: "sent", trackingCode: sent.trackingCode },
      });
      await besideTheMove(tx, "went-out alert", () =>
        alertFoundAfterNotSent(
          tx,
          { ...sent, postedAt: sent.inFlightAt ?? sent.createdAt },
          `tracking code ${sent.trackingCode}`,
        ),
      );
    },
  });
}

/**
 * Writes what Sendoso answered for `row`, never throwing it away: the answer is logged before the
 * write (so a human can recover it if every try fails), and the write is retried on database errors.
 * If it still cannot be stored, the row stays `in_flight` for the sweeper and the rep sees "unknown".
 */
export async function settleSend(
  db: Db,
  row: Send,
  outcome: SendOutcome,
  actorId: string,
): Promise<Send | null> {
  log.info(
    {
      sendId: row.id,
      kind: outcome.kind,
      ...(outcome.kind === "accepted" ? { trackingCode: outcome.trackingCode } : {}),
      ...(outcome.kind === "rejected" ? { status: outcome.status } : {}),
      ...(outcome.kind === "unknown" ? { detail: outcome.detail } : {}),
      ...(outcome.kind === "not_sent" ? { message: outcome.message } : {}),
    },
    "sendoso answer",
  );
  for (let tries = 1; ; tries++) {
    try {
      return (await writeOnce(db, row, outcome, actorId)) ?? (await load(db, row.id)) ?? null;
    } catch (error) {
      log.error(
        { err: error, sendId: row.id, tries },
        `send ${row.id}: could not record the Sendoso outcome`,
      );
      if (tries >= SETTLE_TRIES) return null;
      await pause(tries);
    }
  }
}
