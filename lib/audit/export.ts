import { batchedCsvStream, type CsvColumns } from "@/lib/csv/batched-csv-stream";
import type { Db } from "@/lib/db/client";
import type { AuditEntry, User } from "@/lib/db/schema";
import type { AuditFilters } from "./filters";
import { eachAuditEntry } from "./queries";
import { recordAudit } from "./record";

const json = (value: Record<string, unknown> | null) => (value ? JSON.stringify(value) : null);

/** Header and value of every column of the audit log CSV, in order. */
export const AUDIT_EXPORT_COLUMNS: CsvColumns<AuditEntry> = [
  ["Time (UTC)", (e) => e.at.toISOString()],
  ["Actor email", (e) => e.actorEmail],
  ["Actor id", (e) => e.actorId],
  ["Action", (e) => e.action],
  ["Target type", (e) => e.targetType],
  ["Target id", (e) => e.targetId],
  ["Before", (e) => json(e.before)],
  ["After", (e) => json(e.after)],
  ["Request id", (e) => e.requestId],
  ["Entry id", (e) => String(e.id)],
];

/**
 * Every entry matching the filters as CSV (admins only: the query refuses anyone else), and the export
 * itself audited as `export.audit_log` with the filters and the row count once the last row is out (or,
 * marked incomplete, when the download stops early).
 */
export function auditLogCsvStream(
  db: Db,
  admin: Pick<User, "id" | "email" | "role">,
  filters: AuditFilters,
  requestId: string | null,
  batchSize = 1000,
): ReadableStream<Uint8Array> {
  return batchedCsvStream(
    eachAuditEntry(db, admin, filters, batchSize),
    AUDIT_EXPORT_COLUMNS,
    ({ rows, complete }) =>
      recordAudit(db, {
        actor: { id: admin.id, email: admin.email },
        action: "export.audit_log",
        target: { type: "audit_log" },
        after: { filters, rows, complete },
        requestId,
      }),
  );
}
