import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

/**
 * The database half of the shared limiter: a ring of `limit` slots per key (table rate_limit_slots).
 * Granting a slot pushes its `free_at` to now + hold; the holder later hands back only time upstream
 * provably did not need (lease.ts). So no slot is used twice within one window of upstream seeing it,
 * and no key sees more than `limit` requests in any window, whichever app instance asks. Grants use the
 * database's clock, so instances need not agree on the time.
 *
 * Each grant is one statement (`FOR UPDATE SKIP LOCKED` + `UPDATE … RETURNING`): concurrent callers never
 * get the same slot and never wait on each other's row locks. The same SQL runs on PGlite.
 */
export type SlotGrant = { slot: number; generation: string };
export type SlotAttempt =
  | { granted: true; grant: SlotGrant }
  | { granted: false; waitMs: number; missingSlots: boolean };

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  // Both drivers (PGlite, node-postgres) answer raw SQL with `{ rows }`.
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Creates the key's slots (idempotent); also adds slots when the limit was raised. */
export async function ensureSlots(db: Db, key: string, limit: number): Promise<void> {
  await db.execute(sql`
    insert into rate_limit_slots (key, slot)
    select ${key}, s from generate_series(0, ${limit}::int - 1) as s
    on conflict do nothing`);
}

/** Takes a free slot for `holdMs`, or says how long until the earliest slot frees up. */
export async function takeSlot(db: Db, key: string, limit: number, holdMs: number): Promise<SlotAttempt> {
  const [row] = await rows<{
    slot: number | null;
    generation: string | null;
    slots: number;
    wait_ms: number | null;
  }>(
    db,
    sql`
    with pick as (
      select slot from rate_limit_slots
      where key = ${key} and slot < ${limit}::int and free_at <= clock_timestamp()
      order by free_at, slot
      limit 1
      for update skip locked
    ), granted as (
      update rate_limit_slots s
      set free_at = clock_timestamp() + ${holdMs}::int * interval '1 millisecond',
          generation = s.generation + 1
      from pick
      where s.key = ${key} and s.slot = pick.slot
      returning s.slot, s.generation::text as generation
    ), info as (
      select count(*)::int as slots,
        greatest(0, ceil(extract(epoch from (min(free_at) - clock_timestamp())) * 1000))::int as wait_ms
      from rate_limit_slots where key = ${key} and slot < ${limit}::int
    )
    select granted.slot, granted.generation, info.slots, info.wait_ms
    from info left join granted on true`,
  );
  if (row?.slot != null && row.generation != null) {
    return { granted: true, grant: { slot: row.slot, generation: row.generation } };
  }
  return {
    granted: false,
    // <= 0: a free slot exists but another caller holds its row lock right now; try again shortly.
    waitMs: row?.wait_ms ?? 0,
    missingSlots: (row?.slots ?? 0) < limit,
  };
}

/**
 * Gives `ms` of a grant's hold back (the holder sent sooner than the lease allowed, or not at all).
 * Only touches that exact grant: a later grant of the slot has another generation.
 */
export async function shortenGrant(db: Db, key: string, grant: SlotGrant, ms: number): Promise<void> {
  await db.execute(sql`
    update rate_limit_slots
    set free_at = free_at - ${Math.floor(ms)}::int * interval '1 millisecond'
    where key = ${key} and slot = ${grant.slot}::int and generation = ${grant.generation}::bigint`);
}

/**
 * Non-waiting check for per-user limits (sends per hour, sign-ins per minute): counts one event against
 * `key` if fewer than `limit` happened in the last `windowMs`.
 */
export async function consume(
  db: Db,
  options: { key: string; limit: number; windowMs: number },
): Promise<{ ok: true } | { ok: false; retryAfterMs: number }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const result = await takeSlot(db, options.key, options.limit, options.windowMs);
    if (result.granted) return { ok: true };
    if (result.missingSlots) {
      await ensureSlots(db, options.key, options.limit);
      continue;
    }
    if (result.waitMs > 0) return { ok: false, retryAfterMs: result.waitMs };
  }
  // Every free slot was locked by a concurrent caller three times running: treat as busy.
  return { ok: false, retryAfterMs: 100 };
}

/**
 * Deletes slot rows nobody has used for `idleMs` (per-user keys pile up otherwise). Safe at any time:
 * an idle row is a free slot, and a missing slot is recreated free on the next grant attempt. Rows
 * granted meanwhile are spared, since the delete re-checks `free_at` on the row it removes.
 */
export async function pruneIdleSlots(db: Db, idleMs: number): Promise<number> {
  const deleted = await rows<{ key: string }>(
    db,
    sql`delete from rate_limit_slots
        where free_at < clock_timestamp() - ${Math.floor(idleMs)}::bigint * interval '1 millisecond'
        returning key`,
  );
  return deleted.length;
}
