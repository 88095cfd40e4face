import { and, asc, eq, gt, ilike, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import { can } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { type ConnectionStatus, sendosoConnections, sends, type User, users } from "@/lib/db/schema";
import { getConfig } from "@/lib/env";
import { budgetPeriodAt } from "@/lib/spend/period";
import type { UserFilters } from "@/lib/validation/admin-users";

/** One row of /admin/users and its CSV export. */
export type AdminUserRow = Pick<
  User,
  "id" | "name" | "email" | "role" | "team" | "roleSource" | "lastSignInAt" | "suspendedAt" | "createdAt"
> & { sendoso: ConnectionStatus | "not_connected"; sendsThisPeriod: number };

/** `%`, `_` and `\` typed in the search box are literal characters, not wildcards. */
const likeEscape = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function where(filters: UserFilters): SQL | undefined {
  const conditions: (SQL | undefined)[] = [
    filters.q
      ? or(ilike(users.email, likeEscape(filters.q)), ilike(users.name, likeEscape(filters.q)))
      : undefined,
    filters.role ? eq(users.role, filters.role) : undefined,
    filters.team ? eq(users.team, filters.team) : undefined,
    filters.source ? eq(users.roleSource, filters.source) : undefined,
    filters.state === "suspended" ? isNotNull(users.suspendedAt) : undefined,
    filters.state === "active" ? isNull(users.suspendedAt) : undefined,
  ];
  return and(...conditions.filter((c): c is SQL => c !== undefined));
}

/**
 * Users matching the filters, by email, `limit` at a time after `afterId`'s position. Admins only:
 * anyone else gets nothing (the page and route check too). "This period" is the UTC calendar month,
 * as monthly budgets count it; every send created in it counts, whatever its state.
 */
export async function listUsersForAdmin(
  db: Db,
  caller: Pick<User, "role">,
  filters: UserFilters,
  page: { limit: number; after?: { email: string; id: string } },
  now = new Date(),
): Promise<AdminUserRow[]> {
  if (!can(caller.role, "manage_users")) return [];
  const { start } = budgetPeriodAt("monthly", now, getConfig().timeZone);
  const after = page.after
    ? or(
        gt(users.email, page.after.email),
        and(eq(users.email, page.after.email), gt(users.id, page.after.id)),
      )
    : undefined;
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      team: users.team,
      roleSource: users.roleSource,
      lastSignInAt: users.lastSignInAt,
      suspendedAt: users.suspendedAt,
      createdAt: users.createdAt,
      sendoso: sendosoConnections.status,
      sendsThisPeriod: sql<number>`(select count(*)::int from ${sends} where ${sends.senderId} = ${users.id} and ${sends.createdAt} >= ${start.toISOString()})`,
    })
    .from(users)
    .leftJoin(sendosoConnections, eq(sendosoConnections.userId, users.id))
    .where(and(where(filters), after))
    .orderBy(asc(users.email), asc(users.id))
    .limit(page.limit);
  return rows.map((r) => ({
    ...r,
    sendoso: r.sendoso ?? "not_connected",
    sendsThisPeriod: Number(r.sendsThisPeriod),
  }));
}

/** Every matching user, in batches, for the CSV export. */
export async function* eachUserForAdmin(
  db: Db,
  caller: Pick<User, "role">,
  filters: UserFilters,
  batchSize = 500,
): AsyncGenerator<AdminUserRow[]> {
  let after: { email: string; id: string } | undefined;
  for (;;) {
    const batch = await listUsersForAdmin(db, caller, filters, { limit: batchSize, after });
    if (batch.length > 0) yield batch;
    const last = batch.at(-1);
    if (!last || batch.length < batchSize) return;
    after = { email: last.email, id: last.id };
  }
}
