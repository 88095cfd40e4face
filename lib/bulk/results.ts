import { asc, eq } from "drizzle-orm";
import type { CsvColumns } from "@/lib/csv/batched-csv-stream";
import type { Db } from "@/lib/db/client";
import { bulkRows, sends } from "@/lib/db/schema";
import { nameOf } from "./row-values";

export type ResultRow = {
  rowNumber: number;
  cells: Record<string, string>;
  rowState: string;
  outcome: string | null;
  error: string | null;
  sendId: string | null;
  sendState: string | null;
  trackingCode: string | null;
  sendError: string | null;
};

/** Every row of a batch with the send it became (if any), in file order. */
export async function batchResultRows(db: Db, batchId: string): Promise<ResultRow[]> {
  return db
    .select({
      rowNumber: bulkRows.rowNumber,
      cells: bulkRows.cells,
      rowState: bulkRows.state,
      outcome: bulkRows.outcome,
      error: bulkRows.error,
      sendId: bulkRows.sendId,
      sendState: sends.state,
      trackingCode: sends.trackingCode,
      sendError: sends.errorMessage,
    })
    .from(bulkRows)
    .leftJoin(sends, eq(sends.id, bulkRows.sendId))
    .where(eq(bulkRows.batchId, batchId))
    .orderBy(asc(bulkRows.rowNumber));
}

/** What a row came to, in one word for the table and the CSV. */
export function rowResult(r: ResultRow): string {
  if (r.sendState) return r.sendState;
  if (r.rowState === "done") return r.outcome ?? "done";
  if (r.rowState === "dropped") return r.outcome === null ? "dropped" : r.outcome;
  return r.rowState;
}

export const RESULT_COLUMNS: CsvColumns<ResultRow> = [
  ["row", (r) => String(r.rowNumber)],
  ["recipient", (r) => r.cells.email ?? ""],
  ["name", (r) => nameOf(r.cells)],
  ["state", rowResult],
  ["tracking_code", (r) => r.trackingCode],
  ["error", (r) => (r.sendState === "sent" ? null : (r.sendError ?? r.error))],
];
