import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type BulkBatch, bulkBatches, type User } from "@/lib/db/schema";
import { type SendScope, sendScopeFor } from "@/lib/sends/scope";

/** Whose batches a caller may see: the same scope as History (own, team for managers, all for admins). */
export function batchScopeCondition(scope: SendScope): SQL {
  switch (scope.kind) {
    case "own":
      return eq(bulkBatches.senderId, scope.userId);
    case "team":
      return sql`(${bulkBatches.team} = ${scope.team} or ${bulkBatches.senderId} = ${scope.userId})`;
    case "all":
      return sql`true`;
  }
}

/** The batch if the caller may see it, else null (the page then 404s: no hint that it exists). */
export async function visibleBatch(
  db: Db,
  user: Pick<User, "id" | "role" | "team">,
  batchId: string,
): Promise<BulkBatch | null> {
  const [batch] = await db
    .select()
    .from(bulkBatches)
    .where(and(eq(bulkBatches.id, batchId), batchScopeCondition(sendScopeFor(user))));
  return batch ?? null;
}

/**
 * Editing, starting, pausing, resuming and cancelling: the batch's own rep, whose Sendoso connection and
 * budget it spends. An admin may also pause or cancel (stop), never start one for somebody else.
 */
export function mayControl(
  user: Pick<User, "id" | "role">,
  batch: BulkBatch,
  what: "edit" | "stop",
): boolean {
  if (batch.senderId === user.id) return true;
  return what === "stop" && user.role === "admin";
}
