import type { Db } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";

/** The actions the audit log records (issue 7). Add here; never rename one already written. */
export const AUDIT_ACTIONS = [
  "send.submitted",
  "send.approved",
  "send.rejected",
  "send.cancelled",
  "send.marked_not_sent",
  "send.resolved_by_sync",
  "budget.changed",
  "approval_policy.changed",
  "touch_estimate.changed",
  "sendoso_connection.connected",
  "sendoso_connection.disconnected",
  "user.role_changed",
  "user.signed_in",
  "user.sign_in_refused",
  "export.sends",
  "export.audit_log",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditEntryInput = {
  actor: { id: string; email: string } | null;
  action: AuditAction;
  target: { type: string; id?: string | null };
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  requestId?: string | null;
};

/**
 * Appends one audit entry. Pass the transaction that makes the change, so the change and its record
 * commit together. This is the only writer of `audit_log`; nothing updates or deletes it (a trigger
 * refuses both).
 */
export async function recordAudit(db: Db, entry: AuditEntryInput): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actor?.id ?? null,
    actorEmail: entry.actor?.email ?? null,
    action: entry.action,
    targetType: entry.target.type,
    targetId: entry.target.id ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: entry.requestId ?? null,
  });
}
