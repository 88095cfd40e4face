import { gt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type AuditEntry, auditLog } from "@/lib/db/schema";

/**
 * Watches the audit log around one action: `mark()` before, `since()` after returns exactly the
 * entries the action wrote, oldest first.
 */
export function auditWatcher(db: () => Db) {
  let last = 0;
  return {
    async mark() {
      const [row] = await db()
        .select({ max: sql<number>`coalesce(max(${auditLog.id}), 0)::int` })
        .from(auditLog);
      last = row?.max ?? 0;
    },
    async since(): Promise<AuditEntry[]> {
      return db().select().from(auditLog).where(gt(auditLog.id, last)).orderBy(auditLog.id);
    },
  };
}

/** The parts of an entry a test compares (ids and times vary). */
export const shape = (e: AuditEntry) => ({
  actorId: e.actorId,
  actorEmail: e.actorEmail,
  action: e.action,
  targetType: e.targetType,
  targetId: e.targetId,
  before: e.before,
  after: e.after,
  requestId: e.requestId,
});
