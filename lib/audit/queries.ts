import { and, eq, gte, lt, lte, or, type SQL, sql } from "drizzle-orm";
import { can } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { type AuditEntry, auditLog, type User } from "@/lib/db/schema";
import type { AuditCursor } from "./cursor";
import type { AuditFilters } from "./filters";

/** The audit log is for admins only; a query asked for by anyone else is a bug, not an empty list. */
export class AuditAccessDenied extends Error {
  constructor() {
    super("Only admins can read the audit log");
  }
}

export type AuditViewer = Pick<User, "role">;

function assertCanView(viewer: AuditViewer) {
  if (!can(viewer.role, "view_audit_log")) throw new AuditAccessDenied();
}

/** `%`, `_` and `\` typed into the actor search match themselves, not as wildcards. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `from`/`to` are whole days in the viewer's zone; the bounds are computed once, so indexes still apply. */
export function auditFilterConditions(filters: AuditFilters): SQL[] {
  const tz = filters.tz ?? "UTC";
  const out: (SQL | undefined)[] = [
    filters.actor ? sql`${auditLog.actorEmail} ilike ${`%${likeLiteral(filters.actor)}%`}` : undefined,
    filters.action ? eq(auditLog.action, filters.action) : undefined,
    filters.targetType ? eq(auditLog.targetType, filters.targetType) : undefined,
    filters.targetId ? eq(auditLog.targetId, filters.targetId) : undefined,
    filters.from ? gte(auditLog.at, sql`(${filters.from}::date::timestamp at time zone ${tz})`) : undefined,
    filters.to ? lt(auditLog.at, sql`((${filters.to}::date + 1)::timestamp at time zone ${tz})`) : undefined,
  ];
  return out.filter((c): c is SQL => c !== undefined);
}

/** Spelled out to match the (at desc nulls last, id desc nulls last) index, so pages never sort. */
const NEWEST_FIRST = [sql`${auditLog.at} desc nulls last`, sql`${auditLog.id} desc nulls last`];

/** Entries strictly older than the cursor; the leading `at <= x` lets the index start at the cursor. */
function olderThan(after: AuditCursor): SQL {
  return and(
    lte(auditLog.at, after.at),
    or(lt(auditLog.at, after.at), and(eq(auditLog.at, after.at), lt(auditLog.id, after.id))),
  ) as SQL;
}

/**
 * Newest first, keyset-paginated on (at, id): no OFFSET, so a deep page costs what the first does and
 * entries written meanwhile never shift one onto two pages.
 */
export async function listAuditEntries(
  db: Db,
  viewer: AuditViewer,
  options: { limit: number; after?: AuditCursor; filters?: AuditFilters },
): Promise<{ rows: AuditEntry[]; next: AuditCursor | null }> {
  assertCanView(viewer);
  const conditions = auditFilterConditions(options.filters ?? {});
  if (options.after) conditions.push(olderThan(options.after));
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(...NEWEST_FIRST)
    .limit(options.limit + 1);
  const shown = rows.slice(0, options.limit);
  const last = shown.at(-1);
  return {
    rows: shown,
    next: rows.length > options.limit && last ? { at: last.at, id: last.id } : null,
  };
}

/** Every matching entry, batch by batch on the same keyset, for the export: memory stays one batch. */
export async function* eachAuditEntry(
  db: Db,
  viewer: AuditViewer,
  filters: AuditFilters,
  batchSize = 1000,
): AsyncGenerator<AuditEntry[]> {
  let after: AuditCursor | undefined;
  for (;;) {
    const { rows, next } = await listAuditEntries(db, viewer, { limit: batchSize, after, filters });
    if (rows.length > 0) yield rows;
    if (!next) return;
    after = next;
  }
}
