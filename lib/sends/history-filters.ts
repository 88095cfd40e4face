import { eq, type SQL, sql } from "drizzle-orm";
import { sendSearchDocument, sends } from "@/lib/db/schema";
import type { HistoryFilters } from "./filters";
import { STATUS_BUCKETS, type StatusBucket } from "./status-buckets";

/** Search words: letters and digits only, so they can be quoted into a tsquery without escaping. */
export function searchTokens(q: string): string[] {
  return q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
}

/**
 * Every word must prefix-match a word of the recipient's name, email (split at @ . + - _) or company.
 * It runs on the `sends_search_idx` GIN index, which a substring ILIKE at a million rows could not.
 */
export function searchCondition(q: string): SQL | undefined {
  const tokens = searchTokens(q);
  if (tokens.length === 0) return undefined;
  const query = tokens.map((t) => `'${t}':*`).join(" & ");
  return sql`${sendSearchDocument(sends)} @@ to_tsquery('simple', ${query})`;
}

// Constant bucket names go in as literals: a bound parameter would make every use a different expression.
const literalList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

const SENDOSO_BUCKETS = STATUS_BUCKETS.filter((b) => !["pending", "unknown", "other"].includes(b));

/** SQL twin of `effectiveBucket` (status-buckets.ts): our state first, Sendoso's bucket once sent. */
export function bucketCondition(bucket: StatusBucket): SQL {
  const sent = sql`${sends.state} = 'sent'`;
  switch (bucket) {
    case "pending":
      return sql`(${sends.state} in ('pending_approval', 'queued', 'in_flight') or (${sent} and (${sends.statusBucket} is null or ${sends.statusBucket} = 'pending')))`;
    case "unknown":
      // Our state only: no Sendoso status maps to "unknown" (and the partial state index serves it).
      return sql`${sends.state} = 'unknown'`;
    case "closed_without_gift":
      return sql`(${sends.state} in ('failed', 'not_sent', 'rejected', 'cancelled') or (${sent} and ${sends.statusBucket} = 'closed_without_gift'))`;
    case "other":
      return sql`(${sent} and ${sends.statusBucket} not in (${literalList(["pending", ...SENDOSO_BUCKETS])}))`;
    default:
      return sql`(${sent} and ${sends.statusBucket} = ${bucket})`;
  }
}

/** The effective bucket as a column, for grouping on the dashboard (group by its position). */
export const effectiveBucketSql = sql<StatusBucket>`case
  when ${sends.state} in ('pending_approval', 'queued', 'in_flight') then 'pending'
  when ${sends.state} = 'unknown' then 'unknown'
  when ${sends.state} in ('failed', 'not_sent', 'rejected', 'cancelled') then 'closed_without_gift'
  when ${sends.statusBucket} is null or ${sends.statusBucket} = 'pending' then 'pending'
  when ${sends.statusBucket} in (${literalList(SENDOSO_BUCKETS)}) then ${sends.statusBucket}
  else 'other' end`;

/** `from`/`to` are whole days in the viewer's zone; the bounds are computed once, so indexes still apply. */
function dateConditions(filters: HistoryFilters): SQL[] {
  const tz = filters.tz ?? "UTC";
  const out: SQL[] = [];
  if (filters.from)
    out.push(sql`${sends.createdAt} >= (${filters.from}::date::timestamp at time zone ${tz})`);
  if (filters.to)
    out.push(sql`${sends.createdAt} < ((${filters.to}::date + 1)::timestamp at time zone ${tz})`);
  return out;
}

/** All filter conditions; the caller adds the scope condition, which no filter can widen. */
export function filterConditions(filters: HistoryFilters): SQL[] {
  const out: (SQL | undefined)[] = [
    filters.rep ? eq(sends.senderId, filters.rep) : undefined,
    filters.team ? eq(sends.team, filters.team) : undefined,
    filters.state ? eq(sends.state, filters.state) : undefined,
    filters.bucket ? bucketCondition(filters.bucket) : undefined,
    filters.touch ? eq(sends.touchId, filters.touch) : undefined,
    filters.type ? eq(sends.sendType, filters.type) : undefined,
    filters.q ? searchCondition(filters.q) : undefined,
    ...dateConditions(filters),
  ];
  return out.filter((c): c is SQL => c !== undefined);
}
