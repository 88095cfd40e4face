import { eq } from "drizzle-orm";
import { type AuditAction, recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";

/** Who changes a spend setting: recorded in the audit log and in `updated_by`. */
export type SettingsActor = { id: string; email: string };

/** The one result shape of every spend-settings mutation; the actions pass it to the forms as is. */
export type SettingsResult<T> =
  | { status: "saved"; row: T }
  | { status: "deleted"; row: T }
  | { status: "not_found" }
  | { status: "invalid"; fieldErrors: Record<string, string[]> };

/**
 * PostgreSQL's unique_violation, from either driver; Drizzle may wrap the driver's error in `cause`.
 * Two admins creating the same budget at once: the second meets the unique index, not a crash.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (e.code === "23505") return true;
    e = e.cause as typeof e;
  }
  return false;
}

/**
 * Deletes one setting row and records its audit entry in the same transaction; `not_found` when the
 * delete matched nothing. `remove` returns the deleted row (`.returning()`).
 */
export async function deleteWithAudit<T>(
  db: Db,
  actor: SettingsActor,
  audit: {
    action: AuditAction;
    target: { type: string; id: string };
    view: (row: T) => Record<string, unknown>;
  },
  remove: (tx: Db) => Promise<T[]>,
): Promise<SettingsResult<T>> {
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const [removed] = await remove(tx);
    if (!removed) return { status: "not_found" };
    await recordAudit(tx, {
      actor,
      action: audit.action,
      target: audit.target,
      before: audit.view(removed),
      after: null,
    });
    return { status: "deleted", row: removed };
  });
}

/** A team exists while someone is in it: a budget or policy for a team nobody is in is refused. */
export async function unknownTeam(
  tx: Db,
  team: string,
): Promise<{ status: "invalid"; fieldErrors: Record<string, string[]> } | null> {
  const [member] = await tx.select({ id: users.id }).from(users).where(eq(users.team, team)).limit(1);
  return member ? null : { status: "invalid", fieldErrors: { team: ["Choose a team from the list"] } };
}
