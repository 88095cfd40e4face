import { recordAudit } from "@/lib/audit/record";
import {
  batchedCsvStream,
  type CsvColumns,
  type CsvExportSummary,
  csvChunk as csvChunkOf,
} from "@/lib/csv/batched-csv-stream";
import type { Db } from "@/lib/db/client";
import type { User } from "@/lib/db/schema";
import type { HistoryFilters } from "./filters";
import { eachSend, type HistoryRow } from "./history";
import { type SendScope, sendScopeFor } from "./scope";
import { effectiveBucket } from "./status-buckets";

/** Header and value of every CSV column, in order. */
export const EXPORT_COLUMNS: CsvColumns<HistoryRow> = [
  ["Date (UTC)", (r) => r.createdAt.toISOString()],
  ["Rep", (r) => r.senderName],
  ["Rep email", (r) => r.senderEmail],
  ["Team", (r) => r.team],
  ["Recipient name", (r) => r.recipientName],
  ["Recipient email", (r) => r.recipientEmail],
  ["Recipient company", (r) => r.recipientCompany],
  ["Touch", (r) => r.touchName],
  ["Touch id", (r) => String(r.touchId)],
  ["Send type", (r) => r.sendType],
  ["State", (r) => r.state],
  ["Status", (r) => effectiveBucket(r.state, r.statusBucket)],
  ["Sendoso status", (r) => r.sendosoStatus],
  ["Cost", (r) => r.cost],
  ["Currency", (r) => r.currency],
  ["Tracking code", (r) => r.trackingCode],
  ["Tracking URL", (r) => r.trackingUrl],
  ["Error", (r) => r.errorMessage],
  ["Send id", (r) => r.id],
];

/** The history rows as CSV (formula-neutralised, RFC 4180): see lib/csv/batched-csv-stream.ts. */
export function csvChunk(rows: HistoryRow[], withHeader: boolean): string {
  return csvChunkOf(EXPORT_COLUMNS, rows, withHeader);
}

/**
 * The filtered, scoped history as CSV, pulled one keyset batch at a time, so memory holds one batch
 * however many rows match. `onDone` gets the row count when it ends (the audit entry).
 */
export function exportCsvStream(
  db: Db,
  scope: SendScope,
  filters: HistoryFilters,
  batchSize = 1000,
  onDone?: (summary: CsvExportSummary) => Promise<void>,
): ReadableStream<Uint8Array> {
  return batchedCsvStream(eachSend(db, scope, filters, batchSize), EXPORT_COLUMNS, onDone);
}

/**
 * The history export as the route serves it: the caller's scope, and the export audited as
 * `export.sends` with the filters and the row count once the last row is out (or, marked incomplete,
 * when the download stops early).
 */
export function auditedExportCsvStream(
  db: Db,
  user: Pick<User, "id" | "email" | "role" | "team">,
  filters: HistoryFilters,
  requestId: string | null,
  batchSize = 1000,
): ReadableStream<Uint8Array> {
  const scope = sendScopeFor(user);
  return exportCsvStream(db, scope, filters, batchSize, ({ rows, complete }) =>
    recordAudit(db, {
      actor: { id: user.id, email: user.email },
      action: "export.sends",
      target: { type: "sends" },
      after: { filters: withoutUnset(filters), scope, rows, complete },
      requestId,
    }),
  );
}

const withoutUnset = (filters: HistoryFilters) =>
  Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
