import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { bulkBatches, type User, users } from "@/lib/db/schema";
import { sendScopeFor } from "@/lib/sends/scope";
import { batchScopeCondition } from "./batch-scope";

/** The newest batches the caller may see, with the rep's name and row count. */
export async function recentBatches(db: Db, user: Pick<User, "id" | "role" | "team">, limit = 20) {
  return db
    .select({
      batch: bulkBatches,
      senderName: users.name,
      rows: sql<number>`(select count(*) from bulk_rows r where r.batch_id = ${bulkBatches.id})`.mapWith(
        Number,
      ),
    })
    .from(bulkBatches)
    .innerJoin(users, eq(users.id, bulkBatches.senderId))
    .where(batchScopeCondition(sendScopeFor(user)))
    .orderBy(desc(bulkBatches.createdAt))
    .limit(limit)
    .then((rows) => rows.map((r) => ({ ...r.batch, senderName: r.senderName, rows: r.rows })));
}
