import { asc, eq, isNotNull, or, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import type { SendScope } from "./scope";

export type FilterOptions = {
  reps: { id: string; name: string }[];
  teams: string[];
  touches: { id: number; name: string }[];
};

/** People whose sends the caller may see: the choices of the "Rep" filter. */
async function repsInScope(db: Db, scope: SendScope) {
  const where =
    scope.kind === "own"
      ? eq(users.id, scope.userId)
      : scope.kind === "team"
        ? or(eq(users.team, scope.team), eq(users.id, scope.userId))
        : undefined;
  return db.select({ id: users.id, name: users.name }).from(users).where(where).orderBy(asc(users.name));
}

/**
 * Touches that appear in any send, with their latest name. A loose index scan on
 * `sends_touch_created_idx` (one probe per distinct touch) instead of `select distinct` over a million
 * rows. Org-wide on purpose: touch names are not secret (every rep picks from them on the send form)
 * and a touch filter can only narrow the caller's scope.
 */
async function touchesUsed(db: Db) {
  // Both drivers (PGlite, node-postgres) answer raw SQL with `{ rows }`.
  const result = (await db.execute(sql`
    with recursive t(touch_id) as (
      (select touch_id from sends order by touch_id limit 1)
      union all
      select (select s.touch_id from sends s where s.touch_id > t.touch_id order by s.touch_id limit 1)
      from t where t.touch_id is not null
    )
    select t.touch_id as id,
      (select s.touch_name from sends s where s.touch_id = t.touch_id
        order by s.created_at desc, s.id desc limit 1) as name
    from t where t.touch_id is not null
    order by name`)) as unknown as { rows: { id: number | string; name: string }[] };
  return result.rows.map((r) => ({ id: Number(r.id), name: String(r.name) }));
}

/** Teams anyone belongs to: an admin's choices of team. */
export async function listTeams(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ team: users.team })
    .from(users)
    .where(isNotNull(users.team))
    .orderBy(asc(users.team));
  return rows.flatMap((t) => (t.team ? [t.team] : []));
}

export async function loadFilterOptions(db: Db, scope: SendScope): Promise<FilterOptions> {
  const [reps, teams, touches] = await Promise.all([
    repsInScope(db, scope),
    // Only an admin can pick a team; a manager's team filter would be their own team anyway.
    scope.kind === "all" ? listTeams(db) : Promise.resolve([]),
    touchesUsed(db),
  ]);
  return { reps, teams, touches };
}
