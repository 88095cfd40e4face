import { and, eq, lt, lte, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { sends, users } from "@/lib/db/schema";
import type { HistoryFilters } from "./filters";
import { filterConditions, searchCondition } from "./history-filters";
import { withSearchPlan } from "./history-search";
import { type SendScope, scopeCondition } from "./scope";

export type HistoryCursor = { createdAt: Date; id: string };

/** What can still change on a send: the part of a row the status poll re-reads. */
export const statusColumns = {
  state: sends.state,
  sendosoStatus: sends.sendosoStatus,
  statusBucket: sends.statusBucket,
  cost: sends.cost,
  currency: sends.currency,
  trackingCode: sends.trackingCode,
  trackingUrl: sends.trackingUrl,
  errorMessage: sends.errorMessage,
};

/** One history row: the columns of the list and the CSV export. */
export const historyColumns = {
  id: sends.id,
  createdAt: sends.createdAt,
  senderId: sends.senderId,
  senderName: users.name,
  senderEmail: users.email,
  team: sends.team,
  recipientName: sends.recipientName,
  recipientEmail: sends.recipientEmail,
  recipientCompany: sends.recipientCompany,
  touchId: sends.touchId,
  touchName: sends.touchName,
  sendType: sends.sendType,
  ...statusColumns,
};

export type HistoryRow = {
  [K in keyof typeof historyColumns]: (typeof historyColumns)[K]["_"]["notNull"] extends true
    ? (typeof historyColumns)[K]["_"]["data"]
    : (typeof historyColumns)[K]["_"]["data"] | null;
};

/**
 * `desc nulls last` spelled out because that is how drizzle-kit builds the (…, created_at desc, id desc)
 * indexes; plain `desc` means NULLS FIRST in PostgreSQL, and that mismatch alone turns every page into a
 * full sort of the table.
 */
const NEWEST_FIRST = [sql`${sends.createdAt} desc nulls last`, sql`${sends.id} desc nulls last`];

/**
 * Rows strictly older than the cursor in (created_at desc, id desc) order. The leading
 * `created_at <= x` is implied by the rest but is what lets the index start at the cursor instead of
 * filtering its way down from the newest row.
 */
function olderThan(after: HistoryCursor): SQL {
  return and(
    lte(sends.createdAt, after.createdAt),
    or(
      lt(sends.createdAt, after.createdAt),
      and(eq(sends.createdAt, after.createdAt), lt(sends.id, after.id)),
    ),
  ) as SQL;
}

/**
 * Newest first, keyset-paginated on (created_at, id): no OFFSET, so a deep page costs what the first
 * does and sends arriving meanwhile never shift a row onto two pages. Scope is ANDed with every filter,
 * so a filter (e.g. `rep` of someone outside the team) can only narrow what the caller may see.
 */
export async function listSends(
  db: Db,
  scope: SendScope,
  options: { limit: number; after?: HistoryCursor; filters?: HistoryFilters },
): Promise<{ rows: HistoryRow[]; next: HistoryCursor | null }> {
  const filters = options.filters ?? {};
  const conditions: SQL[] = [scopeCondition(scope), ...filterConditions(filters)];
  if (options.after) conditions.push(olderThan(options.after));
  const page = (on: Db) =>
    on
      .select(historyColumns)
      .from(sends)
      .innerJoin(users, eq(users.id, sends.senderId))
      .where(and(...conditions))
      .orderBy(...NEWEST_FIRST)
      .limit(options.limit + 1);
  const search = filters.q ? searchCondition(filters.q) : undefined;
  const rows = search ? await withSearchPlan(db, scope, search, page) : await page(db);
  const shown = rows.slice(0, options.limit);
  const last = shown.at(-1);
  return {
    rows: shown,
    next: rows.length > options.limit && last ? { createdAt: last.createdAt, id: last.id } : null,
  };
}

/** Every matching row, batch by batch on the same keyset, for the export: memory stays one batch. */
export async function* eachSend(
  db: Db,
  scope: SendScope,
  filters: HistoryFilters,
  batchSize = 1000,
): AsyncGenerator<HistoryRow[]> {
  let after: HistoryCursor | undefined;
  for (;;) {
    const { rows, next } = await listSends(db, scope, { limit: batchSize, after, filters });
    if (rows.length > 0) yield rows;
    if (!next) return;
    after = next;
  }
}
