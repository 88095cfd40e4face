import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type BulkBatch, bulkBatches } from "@/lib/db/schema";
import { type LeasedRun, withJobLease } from "@/lib/jobs/lease";
import { type SendDeps, type Sender, type SubmitResult, submitSend } from "@/lib/sends/send-service";
import { sendGiftSchema } from "@/lib/validation/send";
import { claimNextRow, finishRow, loadRow, orphanedRows } from "./claim";
import { completeIfDone } from "./finish-batch";
import { rowIdempotencyKey } from "./row-key";
import { rowInput } from "./row-values";

export type BulkWorkerDeps = {
  db: Db;
  /** submitSend's deps for the batch's rep: their own Sendoso connection, paced by the bulk limiter. */
  openSender(senderId: string): Promise<{ deps: SendDeps; sender: Sender } | { error: string }>;
  /** Rows in the air at once; the limiter paces them. */
  concurrency: number;
  /** How long the batch lease lasts; renewed every third of it while the run is alive. */
  leaseMs: number;
};

export type BatchRun = { processed: number; completed: boolean; error?: string };

const messageOf = (r: SubmitResult): string | null => ("message" in r ? r.message : null);

/**
 * One row → one ordinary send through the single-send entry point, with the row's own idempotency key:
 * recorded before calling, budget and repeat-recipient rules, never twice. If anything throws (the
 * database went away), the row stays `claimed` and the next run finishes it with the same key.
 */
async function sendRow(
  db: Db,
  batch: BulkBatch,
  opened: { deps: SendDeps; sender: Sender },
  rowNumber: number,
) {
  const row = await loadRow(db, batch.id, rowNumber);
  const at = { batchId: batch.id, rowNumber };
  const key = row.idempotencyKey ?? rowIdempotencyKey(batch.id, rowNumber);
  const parsed = sendGiftSchema.safeParse(
    rowInput(row.cells, batch.settings as NonNullable<BulkBatch["settings"]>, key),
  );
  if (!parsed.success) {
    await finishRow(db, at, {
      outcome: "invalid",
      sendId: null,
      error: parsed.error.issues[0]?.message ?? "Invalid row",
    });
    return;
  }
  const pricing = batch.pricing as NonNullable<BulkBatch["pricing"]>;
  // `bulkRow`: the row consumes its share of the batch's reservation (lib/spend/batch-reservations.ts).
  const result = await submitSend({ ...opened.deps, bulkRow: at }, opened.sender, parsed.data, pricing);
  await finishRow(db, at, {
    outcome: result.status,
    sendId: "sendId" in result ? result.sendId : null,
    error: result.status === "sent" ? null : messageOf(result),
  });
}

/**
 * Works one batch under its lease in `job_leases` (`bulk:<id>`): only one instance at a time, and any
 * instance takes over once a holder stops renewing (crash, deploy). Rows a dead holder claimed are
 * finished first; then rows are claimed one by one until none is pending or the batch is paused or
 * cancelled (claimed rows always finish).
 */
export async function runBatch(deps: BulkWorkerDeps, batchId: string): Promise<LeasedRun<BatchRun>> {
  const { db } = deps;
  return withJobLease(db, `bulk:${batchId}`, { ttlMs: deps.leaseMs }, async ({ renew }) => {
    const [batch] = await db.select().from(bulkBatches).where(eq(bulkBatches.id, batchId));
    if (!batch?.settings || !batch.pricing || batch.state === "draft")
      return { processed: 0, completed: false };
    const queue = await orphanedRows(db, batchId);
    if (batch.state !== "running" && queue.length === 0) return { processed: 0, completed: false };
    const opened = await deps.openSender(batch.senderId);
    if ("error" in opened) return { processed: 0, completed: false, error: opened.error };

    let lost = false;
    let failure: unknown = null;
    const timer = setInterval(() => {
      renew().then(
        (ok) => {
          if (!ok) lost = true;
        },
        () => {
          lost = true;
        },
      );
    }, deps.leaseMs / 3);
    let processed = 0;
    const next = async () => (lost || failure ? null : (queue.shift() ?? (await claimNextRow(db, batchId))));
    try {
      await Promise.all(
        Array.from({ length: deps.concurrency }, async () => {
          for (let row = await next(); row; row = await next()) {
            try {
              await sendRow(db, batch, opened, row.rowNumber);
              processed++;
            } catch (error) {
              // Stop this run; the claimed row is finished by the next one (same key: never twice).
              failure = error;
            }
          }
        }),
      );
    } finally {
      clearInterval(timer);
    }
    if (failure) throw failure;
    return { processed, completed: lost ? false : await completeIfDone(db, batchId) };
  });
}
