import { stringify } from "csv-stringify/sync";
import type { Db } from "@/lib/db/client";
import type { HistoryFilters } from "./filters";
import { eachSend, type HistoryRow } from "./history";
import type { SendScope } from "./scope";
import { effectiveBucket } from "./status-buckets";

/** Header and value of every CSV column, in order. */
export const EXPORT_COLUMNS: [string, (row: HistoryRow) => string | null][] = [
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

/**
 * csv-stringify does the RFC 4180 quoting; `escape_formulas` prefixes `'` to any cell starting with
 * = + - @ tab or CR (and their full-width forms) so a spreadsheet never runs a recipient's name.
 */
export function csvChunk(rows: HistoryRow[], withHeader: boolean): string {
  return stringify(
    rows.map((row) => EXPORT_COLUMNS.map(([, value]) => value(row))),
    {
      header: withHeader,
      columns: EXPORT_COLUMNS.map(([header]) => header),
      escape_formulas: true,
      record_delimiter: "windows",
      // Only "\r\n" is the record delimiter, so a lone CR or LF would otherwise go out unquoted.
      quoted_match: /[\r\n]/,
    },
  );
}

/**
 * The filtered, scoped history as CSV, pulled one keyset batch at a time: the client's read speed
 * drives the queries (stream back-pressure), so memory holds one batch however many rows match.
 */
export function exportCsvStream(
  db: Db,
  scope: SendScope,
  filters: HistoryFilters,
  batchSize = 1000,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batches = eachSend(db, scope, filters, batchSize);
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await batches.next();
        // A byte-order mark so Excel opens the file as UTF-8 (names with accents stay intact).
        const prefix = first ? "\uFEFF" : "";
        if (done) {
          if (first) controller.enqueue(encoder.encode(prefix + csvChunk([], true)));
          controller.close();
        } else {
          controller.enqueue(encoder.encode(prefix + csvChunk(value, first)));
        }
        first = false;
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
