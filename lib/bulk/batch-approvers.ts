import { and, asc, eq, ne, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { approvalPolicies, type BulkBatch, bulkBatches, type User, users } from "@/lib/db/schema";
import { mayApprove } from "@/lib/spend/approvers";
import { approvalPolicyFor } from "@/lib/spend/spend-check";

export type BatchDecider = Pick<User, "id" | "email" | "name" | "role" | "team">;

/** The single-send rule (lib/spend/approvers.ts mayApprove) on a batch: never its own rep. */
export async function mayDecideBatch(db: Db, decider: BatchDecider, batch: BulkBatch): Promise<boolean> {
  const send = { senderId: batch.senderId, team: batch.team };
  return mayApprove(decider, send, await approvalPolicyFor(db, batch.team));
}

/** Mirrors mayApprove in SQL, as the single-send queue does (lib/sends/approval-queue.ts approvableBy). */
function decidableBy(decider: BatchDecider): SQL {
  const notOwn = ne(bulkBatches.senderId, decider.id);
  if (decider.role === "admin") return notOwn;
  const fallback = sql`${bulkBatches.team} in (select ${approvalPolicies.team} from ${approvalPolicies} where ${approvalPolicies.fallbackApproverId} = ${decider.id})`;
  const ownTeam = decider.role === "manager" && decider.team ? eq(bulkBatches.team, decider.team) : undefined;
  return and(notOwn, ownTeam ? or(ownTeam, fallback) : fallback) as SQL;
}

/** Batches waiting on this caller, oldest first, with the rep's name and how many gifts each holds. */
export async function listPendingBatches(db: Db, decider: BatchDecider, limit = 50) {
  return db
    .select({
      id: bulkBatches.id,
      fileName: bulkBatches.fileName,
      estimatedTotal: bulkBatches.estimatedTotal,
      approvalReason: bulkBatches.approvalReason,
      overBudget: bulkBatches.overBudget,
      startedAt: bulkBatches.startedAt,
      senderName: users.name,
      rows: sql<number>`(select count(*) from bulk_rows r where r.batch_id = ${bulkBatches.id} and r.state = 'pending')`.mapWith(
        Number,
      ),
    })
    .from(bulkBatches)
    .innerJoin(users, eq(users.id, bulkBatches.senderId))
    .where(and(eq(bulkBatches.state, "pending_approval"), decidableBy(decider)))
    .orderBy(asc(bulkBatches.startedAt))
    .limit(limit);
}

/** A pending batch this caller may decide, whether or not History's scope shows it to them. */
export async function decidableBatch(
  db: Db,
  decider: BatchDecider,
  batchId: string,
): Promise<BulkBatch | null> {
  const [batch] = await db
    .select()
    .from(bulkBatches)
    .where(and(eq(bulkBatches.id, batchId), eq(bulkBatches.state, "pending_approval"), decidableBy(decider)));
  return batch ?? null;
}

/** How many batches wait on this caller (added to the header's Approvals badge). */
export async function countPendingBatches(db: Db, decider: BatchDecider): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(bulkBatches)
    .where(and(eq(bulkBatches.state, "pending_approval"), decidableBy(decider)));
  return row?.n ?? 0;
}
