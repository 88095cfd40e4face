import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { sends } from "@/lib/db/schema";
import type { SendScope } from "./scope";

/** Below this many matches the matches are fetched and sorted; above it, walking newest-first is cheaper. */
export const SPARSE_SEARCH_MATCHES = 5_000;

/**
 * PostgreSQL cannot estimate how many rows a prefix text search matches (it guesses ~2% whatever the
 * word), so for a rare name it walks the newest-first index and tests every row of the table: seconds at
 * a million rows. Instead, count the matches through the GIN index first (capped), and:
 * - few matches: run the page with plain index scans switched off for this transaction only, so the
 *   plan is "GIN bitmap → these rows → sort", a few milliseconds;
 * - many matches: they are dense, so the normal newest-first walk finds a page of them quickly.
 * Settings are `set local`: they end with this transaction and never leak to the pooled connection.
 */
export async function withSearchPlan<T>(
  db: Db,
  scope: SendScope,
  search: SQL,
  run: (db: Db) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    if (scope.kind === "own") {
      // One rep's sends are few (thousands): walking their own newest-first index and testing each row
      // beats expanding a common prefix ("company…") across the whole GIN index.
      await tx.execute(sql`set local enable_bitmapscan = off`);
      return run(tx as unknown as Db);
    }
    await tx.execute(sql`set local enable_seqscan = off`);
    await tx.execute(sql`set local enable_indexscan = off`);
    // A handful of rows: starting parallel workers would cost more than the query.
    await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
    const probe = (await tx.execute(
      sql`select count(*)::int as n from (select 1 from ${sends} where ${search} limit ${SPARSE_SEARCH_MATCHES + 1}) m`,
    )) as unknown as { rows: { n: number }[] };
    const matches = Number(probe.rows[0]?.n ?? 0);
    if (matches <= SPARSE_SEARCH_MATCHES) return run(tx as unknown as Db);
    await tx.execute(sql`set local enable_seqscan = on`);
    await tx.execute(sql`set local enable_indexscan = on`);
    await tx.execute(sql`reset max_parallel_workers_per_gather`);
    return run(tx as unknown as Db);
  });
}
