import { and, eq, getTableColumns, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type Send, type SendState, sendEvents, sends } from "@/lib/db/schema";

type SendPatch = Partial<
  Pick<
    Send,
    | "trackingCode"
    | "trackingUrl"
    | "errorMessage"
    | "errorDetail"
    | "settledAt"
    | "decidedBy"
    | "decidedAt"
    | "decisionReason"
  >
> & {
  /** `sql\`now()\``: the database's clock, which the sweeper's cutoff also uses. */
  inFlightAt?: Date | SQL;
};

export type TransitionArgs = {
  sendId: string;
  from: SendState[];
  to: SendState;
  actorId: string | null;
  patch?: SendPatch;
  detail?: Record<string, unknown>;
  /** More writes that must commit with the move (audit entry, notification); runs only if it moved. */
  onMoved?: (tx: Db, row: Send) => Promise<void>;
  /**
   * Commit without waiting for the WAL flush (synchronous_commit off, this statement only). Only for
   * writes whose loss in a database crash is already recovered by design: a lost settle leaves the row
   * in_flight, the sweeper makes it unknown and the reconciler finds it; the answer was logged first.
   * Never for the record/claim commit, which must be durable before the POST.
   */
  relaxedCommit?: boolean;
};

/** The move itself, inside the caller's transaction (so other checks can share its one commit). */
export async function moveSend(tx: Db, args: TransitionArgs): Promise<Send | null> {
  const [row] = await tx
    .update(sends)
    .set({ ...args.patch, state: args.to, updatedAt: new Date() })
    .where(and(eq(sends.id, args.sendId), inArray(sends.state, args.from)))
    .returning();
  if (!row) return null;
  await tx.insert(sendEvents).values({
    sendId: row.id,
    actorId: args.actorId,
    fromState: args.from.length === 1 ? args.from[0] : null,
    toState: args.to,
    detail: args.detail ?? null,
  });
  await args.onMoved?.(tx, row);
  return row;
}

const COLUMNS = Object.entries(getTableColumns(sends));
const byKey = new Map(COLUMNS);
/** `m.<column> as "<key>"` for every column: the moved row, keyed like a drizzle select. */
const RETURNING = sql.join(
  COLUMNS.map(([key, column]) => sql`m.${sql.identifier(column.name)} as ${sql.identifier(key)}`),
  sql`, `,
);

/**
 * The move and its event in ONE statement (a data-modifying CTE), so it is one round trip and one
 * commit without BEGIN/COMMIT around it. Used when nothing else must commit with the move.
 */
async function moveInOneStatement(db: Db, args: TransitionArgs): Promise<Send | null> {
  const patch = { ...args.patch, state: args.to, updatedAt: new Date() };
  const set = sql.join(
    Object.entries(patch)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => {
        const column = byKey.get(key);
        if (!column) throw new Error(`sends has no column ${key}`);
        const bound = value instanceof Date ? value.toISOString() : value;
        return sql`${sql.identifier(column.name)} = ${bound}`;
      }),
    sql`, `,
  );
  const from = sql.join(
    args.from.map((state) => sql`${state}`),
    sql`, `,
  );
  const fromState = args.from.length === 1 ? (args.from[0] as string) : null;
  const detail = args.detail ? JSON.stringify(args.detail) : null;
  // set_config(..., true) lasts for this statement's own transaction; referencing it makes it run.
  const relaxed = args.relaxedCommit
    ? sql`and (select set_config('synchronous_commit', 'off', true)) = 'off'`
    : sql``;
  const result = (await db.execute(sql`
    with m as (
      update sends set ${set} where id = ${args.sendId} and state in (${from}) ${relaxed} returning *
    ), e as (
      insert into send_events (send_id, actor_id, from_state, to_state, detail)
      select m.id, ${args.actorId}, ${fromState}, ${args.to}, ${detail}::jsonb from m
    )
    select ${RETURNING} from m`)) as unknown as { rows: Record<string, unknown>[] };
  const [raw] = result.rows;
  if (!raw) return null;
  const row: Record<string, unknown> = {};
  for (const [key, column] of COLUMNS) {
    const value = raw[key];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as Send;
}

/**
 * Moves a send from one of `from` to `to` with a conditional UPDATE, and appends the event in the same
 * transaction. Returns null when the row was not in an allowed state (someone else moved it first):
 * that is how two requests racing for one send end up with exactly one upstream call.
 */
export async function transitionSend(db: Db, args: TransitionArgs): Promise<Send | null> {
  if (!args.onMoved) return moveInOneStatement(db, args);
  return db.transaction((tx) => moveSend(tx as unknown as Db, args));
}
