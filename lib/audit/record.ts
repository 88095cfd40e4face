import type { Db } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import type { AuditAction } from "./actions";
import { currentRequestId } from "./request-id";

export { AUDIT_ACTIONS, type AuditAction } from "./actions";

/**
 * Who did it. `id` is null only when there is no user row to point at (a sign-in refused before the
 * user existed); the email is kept as text either way, so the log reads the same after a user is gone.
 */
export type AuditActor = { id: string | null; email: string };

export type AuditEntryInput = {
  actor: AuditActor | null;
  action: AuditAction;
  target: { type: string; id?: string | null };
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  requestId?: string | null;
};

/**
 * Appends one audit entry. Pass the transaction that makes the change, so the change and its record
 * commit together. This is the only writer of `audit_log`; nothing updates or deletes it (a trigger
 * refuses both). Without an explicit `requestId` it takes the current request's (none in jobs and scripts),
 * so domain code deep in a server action is stamped without passing the id down.
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
    requestId: entry.requestId ?? (await currentRequestId()),
  });
}
