import { and, desc, eq, gte, inArray, isNotNull, isNull, notInArray, or, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { sendosoConnections, sends } from "@/lib/db/schema";
import { FINAL_BUCKETS } from "./status-buckets";

/** Enough rows per kind for one run; the rest wait for the next minute. */
const BATCH = 500;

const columns = {
  id: sends.id,
  senderId: sends.senderId,
  state: sends.state,
  recipientEmail: sends.recipientEmail,
  recipientName: sends.recipientName,
  touchId: sends.touchId,
  touchName: sends.touchName,
  sendosoSendGid: sends.sendosoSendGid,
  sendosoStatus: sends.sendosoStatus,
  statusBucket: sends.statusBucket,
  cost: sends.cost,
  currency: sends.currency,
  syncRequestedAt: sends.syncRequestedAt,
  sendosoConnectionId: sends.sendosoConnectionId,
  /** Null when the send used no connection (the sandbox token) or its connection has been removed. */
  connectionSendosoUserId: sendosoConnections.sendosoUserId,
  postedAt: sql<Date>`coalesce(${sends.inFlightAt}, ${sends.createdAt})`.mapWith(sends.createdAt),
};

export type SyncRow = Awaited<ReturnType<typeof selectRows>>[number];

function selectRows(db: Db, where: ReturnType<typeof and>) {
  return db
    .select(columns)
    .from(sends)
    .leftJoin(sendosoConnections, eq(sendosoConnections.id, sends.sendosoConnectionId))
    .where(where)
    .orderBy(desc(sends.createdAt))
    .limit(BATCH);
}

/**
 * The sends a sync run looks for in Sendoso's list, each query on an index of its own: `unknown` sends
 * from the last `lookbackDays`; `sent` ones of that period whose Sendoso status can still change (status
 * and cost); and any send a webhook or a person asked to check (`sync_requested_at`), however old.
 */
export async function loadSendsToSync(db: Db, since: Date, onlyIds?: string[]): Promise<SyncRow[]> {
  // A targeted check ("Check with Sendoso now"): just these sends, however old.
  if (onlyIds) {
    if (onlyIds.length === 0) return [];
    return selectRows(db, and(inArray(sends.id, onlyIds), inArray(sends.state, ["sent", "unknown"])));
  }
  const open = [...FINAL_BUCKETS];
  const batches = await Promise.all([
    selectRows(db, and(eq(sends.state, "unknown"), gte(sends.createdAt, since))),
    selectRows(
      db,
      and(
        eq(sends.state, "sent"),
        gte(sends.createdAt, since),
        or(isNull(sends.statusBucket), notInArray(sends.statusBucket, open)),
      ),
    ),
    selectRows(db, and(isNotNull(sends.syncRequestedAt), inArray(sends.state, ["sent", "unknown"]))),
  ]);
  const byId = new Map(batches.flat().map((row) => [row.id, row]));
  return [...byId.values()];
}

/**
 * Sends whose POST may be out right now: they compete for list items (so an `unknown` send is never
 * matched to an item that may be theirs) but are never written by the reconciler.
 */
export function loadSendsInFlight(db: Db, since: Date): Promise<SyncRow[]> {
  return selectRows(
    db,
    and(eq(sends.state, "in_flight"), isNull(sends.sendosoSendGid), gte(sends.createdAt, since)),
  );
}

/** Which of these Sendoso gids one of our sends already holds. */
export async function gidsTaken(db: Db, gids: string[]): Promise<Set<string>> {
  if (gids.length === 0) return new Set();
  const rows = await db
    .select({ gid: sends.sendosoSendGid })
    .from(sends)
    .where(inArray(sends.sendosoSendGid, gids));
  return new Set(rows.flatMap((r) => (r.gid ? [r.gid] : [])));
}
