import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { type BulkSettings, bulkBatches, bulkRows, type User } from "@/lib/db/schema";
import { type ColumnMapping, cellsOf } from "./fields";
import type { ParsedSheet } from "./parse-types";

const INSERT_CHUNK = 500;

/**
 * Stores a parsed file as a draft batch, every row with it, in one transaction: a file is either all
 * there for review or not there at all. Nothing is sent from a draft.
 */
export async function createDraftBatch(
  db: Db,
  sender: Pick<User, "id" | "email" | "team">,
  input: { fileName: string; sheet: ParsedSheet; mapping: ColumnMapping; settings: BulkSettings },
): Promise<string> {
  return db.transaction(async (tx) => {
    const [batch] = await tx
      .insert(bulkBatches)
      .values({
        senderId: sender.id,
        team: sender.team,
        fileName: input.fileName.slice(0, 200),
        settings: input.settings,
      })
      .returning({ id: bulkBatches.id });
    if (!batch) throw new Error("Batch insert returned no row");
    const rows = input.sheet.rows.map((row, i) => ({
      batchId: batch.id,
      rowNumber: i + 1,
      cells: cellsOf(row, input.mapping),
    }));
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await tx.insert(bulkRows).values(rows.slice(i, i + INSERT_CHUNK));
    }
    await recordAudit(tx as unknown as Db, {
      actor: { id: sender.id, email: sender.email },
      action: "bulk.uploaded",
      target: { type: "bulk_batch", id: batch.id },
      after: { fileName: input.fileName, rows: rows.length, touchId: input.settings.touchId },
    });
    return batch.id;
  });
}
