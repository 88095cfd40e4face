import { stringify } from "csv-stringify/sync";
import { log } from "@/lib/log";

/** Header and value of every CSV column, in order. */
export type CsvColumns<T> = [string, (row: T) => string | null][];

/**
 * csv-stringify does the RFC 4180 quoting; `escape_formulas` prefixes `'` to any cell starting with
 * = + - @ tab or CR (and their full-width forms) so a spreadsheet never runs a value someone typed.
 */
export function csvChunk<T>(columns: CsvColumns<T>, rows: T[], withHeader: boolean): string {
  return stringify(
    rows.map((row) => columns.map(([, value]) => value(row))),
    {
      header: withHeader,
      columns: columns.map(([header]) => header),
      escape_formulas: true,
      record_delimiter: "windows",
      // Only "\r\n" is the record delimiter, so a lone CR or LF would otherwise go out unquoted.
      quoted_match: /[\r\n]/,
    },
  );
}

/** How an export ended: rows handed to the client, and whether that was every matching row. */
export type CsvExportSummary = { rows: number; complete: boolean };

/**
 * CSV pulled one batch at a time: the client's read speed drives the queries (stream back-pressure), so
 * memory holds one batch however many rows match. `onDone` runs once: before the stream closes when
 * every row is out (if it fails, the download fails too: a complete export is never unaudited), or,
 * best effort, with `complete: false` when the client gives up or a query fails midway.
 */
export function batchedCsvStream<T>(
  batches: AsyncGenerator<T[]>,
  columns: CsvColumns<T>,
  onDone?: (summary: CsvExportSummary) => Promise<void>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let first = true;
  let rows = 0;
  let reported = false;
  const report = async (complete: boolean) => {
    if (reported || !onDone) return;
    reported = true;
    await onDone({ rows, complete });
  };
  const reportPartial = () =>
    report(false).catch((error) => log.error({ err: error }, "export: not audited"));
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await batches.next();
        // A byte-order mark so Excel opens the file as UTF-8 (names with accents stay intact).
        const prefix = first ? "\uFEFF" : "";
        if (done) {
          if (first) controller.enqueue(encoder.encode(prefix + csvChunk(columns, [], true)));
          await report(true);
          controller.close();
        } else {
          rows += value.length;
          controller.enqueue(encoder.encode(prefix + csvChunk(columns, value, first)));
        }
        first = false;
      } catch (error) {
        if (!reported) await reportPartial();
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
      await reportPartial();
    },
  });
}

/** A CSV stream as a private download named `gift-desk-<name>-<UTC date>.csv`. */
export function csvDownload(body: ReadableStream<Uint8Array>, name: string): Response {
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="gift-desk-${name}-${stamp}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
