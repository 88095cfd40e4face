import { and, eq, inArray, isNull, or, type SQL, sql, TransactionRollbackError } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { sendosoStatusUpdates, sends, webhookMessages } from "@/lib/db/schema";
import { notify } from "@/lib/notifications/notify";
import type { SendosoSendItem } from "@/lib/sendoso/schemas-sends";
import { alertFoundAfterNotSent } from "./reconcile-alerts";
import type { SyncRow } from "./reconcile-load";
import { sendosoStatusPatch } from "./status-buckets";
import { transitionSend } from "./transitions";

/**
 * `resolved`: an `unknown` send became `sent`; `foundAfterNotSent`: a `not_sent` one did (loud alert);
 * `conflicts`: the row moved on meanwhile, or the gid is another send's: nothing written.
 */
export type WriteResult = "resolved" | "foundAfterNotSent" | "updated" | "unchanged" | "conflicts";

/** PostgreSQL's unique_violation: the gid is already another of our sends' (sends_gid_unique). */
const isUniqueViolation = (error: unknown): boolean => {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
};

/** Sendoso's cost string ("2.0") as our numeric(12,2) text, or null when it is not a plain amount. */
function costOf(raw: string | null | undefined): string | null {
  if (raw == null || raw.trim() === "") return null;
  const amount = Number(raw);
  return Number.isFinite(amount) && amount >= 0 ? amount.toFixed(2) : null;
}

function statusRows(sendId: string, item: SendosoSendItem) {
  return (item.status_updates ?? []).flatMap((u) => {
    const occurredAt = new Date(u.occurred_at);
    return Number.isNaN(occurredAt.getTime())
      ? []
      : [{ sendId, status: u.status, occurredAt, source: "sync" }];
  });
}

/**
 * Stores what Sendoso's list says about one of our sends: its gid, status, cost and status history. An
 * `unknown` send becomes `sent`, and its sender is told, in the same transaction. Writes nothing when
 * nothing is new, so a second run over the same list changes nothing.
 */
export async function applyMatch(
  db: Db,
  row: SyncRow,
  item: SendosoSendItem,
  now: Date,
): Promise<WriteResult> {
  const status = sendosoStatusPatch(item.status);
  const cost = costOf(item.current_total_cost) ?? row.cost;
  const currency = item.currency ?? row.currency;
  const fieldsChanged =
    row.sendosoSendGid !== item.send_gid ||
    row.sendosoStatus !== status.sendosoStatus ||
    row.statusBucket !== status.statusBucket ||
    (cost === null ? row.cost !== null : row.cost === null || Number(cost) !== Number(row.cost)) ||
    currency !== row.currency ||
    row.syncRequestedAt !== null;

  // Not `sent` yet: `unknown`, or `not_sent` (a person said it never went out; Sendoso says it did).
  const moving = row.state === "unknown" || row.state === "not_sent";
  const write = db.transaction(async (tx): Promise<WriteResult> => {
    if (moving) {
      const moved = await transitionSend(tx, {
        sendId: row.id,
        from: [row.state],
        to: "sent",
        actorId: null,
        patch: { errorMessage: null },
        detail: { source: "reconciler", sendGid: item.send_gid, sendosoStatus: item.status },
      });
      // Someone moved it meanwhile (e.g. marked it not sent): that decision and Sendoso disagree.
      if (!moved) return "conflicts";
    }
    const rows = statusRows(row.id, item);
    const added =
      rows.length === 0
        ? []
        : await tx
            .insert(sendosoStatusUpdates)
            .values(rows)
            .onConflictDoNothing()
            .returning({ id: sendosoStatusUpdates.id });
    if (!moving && !fieldsChanged && added.length === 0) return "unchanged";

    const [updated] = await tx
      .update(sends)
      .set({
        sendosoSendGid: item.send_gid,
        ...status,
        cost,
        currency,
        syncedAt: now,
        syncRequestedAt: answered(row.syncRequestedAt),
        absentCheckedAt: null,
        updatedAt: now,
      })
      .where(
        and(
          eq(sends.id, row.id),
          eq(sends.state, "sent"),
          or(isNull(sends.sendosoSendGid), eq(sends.sendosoSendGid, item.send_gid)),
        ),
      )
      .returning({ id: sends.id });
    if (!updated) {
      // Another gid arrived for this send (a webhook) since we read it: roll back and leave it to a person.
      tx.rollback();
    }
    if (row.sendosoSendGid === null) {
      // Webhooks that came for this gid before we knew whose it was: the list just read covers them.
      await tx
        .update(webhookMessages)
        .set({ processedAt: now })
        .where(and(eq(webhookMessages.sendGid, item.send_gid), isNull(webhookMessages.processedAt)));
    }
    if (row.state === "unknown") await announceResolved(tx, row, item);
    if (row.state === "not_sent") await announceFoundAfterNotSent(tx, row, item);
    return row.state === "unknown" ? "resolved" : row.state === "not_sent" ? "foundAfterNotSent" : "updated";
  });
  return write.catch((error): WriteResult => {
    if (error instanceof TransactionRollbackError || isUniqueViolation(error)) return "conflicts";
    throw error;
  });
}

async function announceFoundAfterNotSent(tx: Db, row: SyncRow, item: SendosoSendItem): Promise<void> {
  await alertFoundAfterNotSent(tx, row, `send ${item.send_gid}`);
  await recordAudit(tx, {
    actor: null,
    action: "send.found_after_not_sent",
    target: { type: "send", id: row.id },
    before: { state: "not_sent" },
    after: { state: "sent", sendGid: item.send_gid, sendosoStatus: item.status },
  });
}

async function announceResolved(tx: Db, row: SyncRow, item: SendosoSendItem): Promise<void> {
  const recipient = row.recipientName || row.recipientEmail;
  await notify(tx, {
    userIds: [row.senderId],
    category: "unknown_resolved",
    title: "Your gift did go out",
    body: `Sendoso has your gift to ${recipient} (${row.touchName}), so it is now marked sent. Do not send it again.`,
    link: `/history/${row.id}`,
    dedupeKey: `unknown_resolved:${row.id}`,
  });
  await recordAudit(tx, {
    actor: null,
    action: "send.resolved_by_sync",
    target: { type: "send", id: row.id },
    before: { state: "unknown" },
    after: { state: "sent", sendGid: item.send_gid, sendosoStatus: item.status },
  });
}

/**
 * `sync_requested_at` once this run has answered the request it read: cleared, unless a newer request
 * (a webhook that arrived while we read the list) came in meanwhile, which the next run answers.
 */
function answered(read: Date | null): SQL {
  return read === null
    ? sql`${sends.syncRequestedAt}`
    : sql`case when date_trunc('milliseconds', ${sends.syncRequestedAt}) <= ${read.toISOString()}::timestamptz then null else ${sends.syncRequestedAt} end`;
}

/** Marks sync requests handled for sends that were looked for in a complete walk of the list. */
export async function clearSyncRequests(
  db: Db,
  rows: Pick<SyncRow, "id" | "syncRequestedAt">[],
): Promise<void> {
  for (const row of rows) {
    await db
      .update(sends)
      .set({ syncRequestedAt: answered(row.syncRequestedAt) })
      .where(eq(sends.id, row.id));
  }
}

/**
 * After a run that read these sends' whole windows: `absent` ones had no candidate (what "mark not
 * sent" waits for); ambiguous ones have candidates, so any earlier "found absent" no longer holds.
 */
export async function markChecked(db: Db, absent: Pick<SyncRow, "id">[], ambiguousIds: string[], now: Date) {
  if (absent.length > 0) {
    const ids = absent.map((r) => r.id);
    await db
      .update(sends)
      .set({ absentCheckedAt: now })
      .where(and(inArray(sends.id, ids), eq(sends.state, "unknown"), isNull(sends.sendosoSendGid)));
  }
  if (ambiguousIds.length > 0) {
    await db.update(sends).set({ absentCheckedAt: null }).where(inArray(sends.id, ambiguousIds));
  }
}
