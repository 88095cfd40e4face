import { recordAudit } from "@/lib/audit/record";
import { batchedCsvStream, type CsvColumns } from "@/lib/csv/batched-csv-stream";
import type { Db } from "@/lib/db/client";
import type { User } from "@/lib/db/schema";
import type { UserFilters } from "@/lib/validation/admin-users";
import { type AdminUserRow, eachUserForAdmin } from "./admin-users";

export const USER_EXPORT_COLUMNS: CsvColumns<AdminUserRow> = [
  ["Email", (u) => u.email],
  ["Name", (u) => u.name],
  ["Role", (u) => u.role],
  ["Team", (u) => u.team],
  ["Role source", (u) => u.roleSource],
  ["State", (u) => (u.suspendedAt ? "suspended" : "active")],
  ["Suspended at (UTC)", (u) => u.suspendedAt?.toISOString() ?? null],
  ["Last sign-in (UTC)", (u) => u.lastSignInAt.toISOString()],
  ["First sign-in (UTC)", (u) => u.createdAt.toISOString()],
  ["Sendoso", (u) => u.sendoso],
  ["Sends this month", (u) => String(u.sendsThisPeriod)],
  ["User id", (u) => u.id],
];

/** Every user matching the filters as CSV (admins only), the export audited as `export.users`. */
export function usersCsvStream(
  db: Db,
  admin: Pick<User, "id" | "email" | "role">,
  filters: UserFilters,
  requestId: string | null,
): ReadableStream<Uint8Array> {
  return batchedCsvStream(eachUserForAdmin(db, admin, filters), USER_EXPORT_COLUMNS, ({ rows, complete }) =>
    recordAudit(db, {
      actor: { id: admin.id, email: admin.email },
      action: "export.users",
      target: { type: "user" },
      after: { filters, rows, complete },
      requestId,
    }),
  );
}
