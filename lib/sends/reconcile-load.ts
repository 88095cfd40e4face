import {
  and,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lte,
  min,
  notInArray,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { sendosoConnections, sends } from "@/lib/db/schema";
import { MATCH_WINDOW } from "./reconcile-match";
import type { Segment } from "./reconcile-walk";
import { FINAL_BUCKETS } from "./status-buckets";

const columns = {
  id: sends.id,
  senderId: sends.senderId,
  team: sends.team,
  state: sends.state,
  recipientEmail: sends.recipientEmail,
  recipientName: sends.recipientName,
  touchId: sends.touchId,
  touchName: sends.touchName,
  trackingCode: sends.trackingCode,
  sendosoSendGid: sends.sendosoSendGid,
  sendosoStatus: sends.sendosoStatus,
  statusBucket: sends.statusBucket,
  cost: sends.cost,
  currency: sends.currency,
  syncRequestedAt: sends.syncRequestedAt,
  absentCheckedAt: sends.absentCheckedAt,
  sendosoConnectionId: sends.sendosoConnectionId,
  /** Stored at record time (kept after a disconnect); else, for older rows, the connection's. */
  // The connection column is a bigint, so node-postgres returns the coalesce as a string: made a number.
  sendosoUserId: sql<
    number | null
  >`coalesce(${sends.sendosoUserId}, ${sendosoConnections.sendosoUserId})`.mapWith((v: unknown) =>
    v === null ? null : Number(v),
  ),
  postedAt: sql<Date>`coalesce(${sends.inFlightAt}, ${sends.createdAt})`.mapWith(sends.createdAt),
};

export type SyncRow = Awaited<ReturnType<typeof selectRows>>[number];

function selectRows(db: Db, where: SQL | undefined) {
  return db
    .select(columns)
    .from(sends)
    .leftJoin(sendosoConnections, eq(sendosoConnections.id, sends.sendosoConnectionId))
    .where(where);
}

const stillChanging = or(isNull(sends.statusBucket), notInArray(sends.statusBucket, [...FINAL_BUCKETS]));

/**
 * The sends a run looks for (the rest only compete): `unknown` ones; `not_sent` ones, since Sendoso
 * having them after all is the one way a double gift starts; `sent` ones whose status can still change
 * or that have no gid yet; and any a webhook or a person asked about.
 */
export function isWanted(
  row: Pick<SyncRow, "state" | "statusBucket" | "sendosoSendGid" | "syncRequestedAt">,
) {
  if (row.state === "unknown" || row.state === "not_sent") return true;
  if (row.state !== "sent") return false;
  if (row.syncRequestedAt !== null || row.sendosoSendGid === null) return true;
  return row.statusBucket === null || !(FINAL_BUCKETS as readonly string[]).includes(row.statusBucket);
}

/** The oldest POST among the sends a run looks for since `since`: how far back the list must be read. */
export async function oldestWantedPostedAt(db: Db, since: Date, onlyIds?: string[]): Promise<Date | null> {
  const posted = sql`coalesce(${sends.inFlightAt}, ${sends.createdAt})`;
  const wanted = onlyIds
    ? inArray(sends.id, onlyIds.length > 0 ? onlyIds : ["00000000-0000-0000-0000-000000000000"])
    : or(
        and(inArray(sends.state, ["unknown", "not_sent"]), gte(sends.createdAt, since)),
        and(
          eq(sends.state, "sent"),
          gte(sends.createdAt, since),
          or(stillChanging, isNull(sends.sendosoSendGid)),
        ),
        and(isNotNull(sends.syncRequestedAt), inArray(sends.state, ["sent", "unknown", "not_sent"])),
      );
  const [row] = await db
    .select({ oldest: min(posted).mapWith(sends.createdAt) })
    .from(sends)
    .where(wanted);
  return row?.oldest ?? null;
}

/**
 * Every send of ours that could own one of the items read, whatever its state: those whose POST fell
 * where a read segment's matching windows reach (competitors by time, not newest-N), those holding a
 * gid or tracking code the items carry (exact joins), and the ones asked about by id.
 */
export async function loadRowsFor(
  db: Db,
  input: { covered: Segment[]; since: Date; gids: string[]; codes: string[]; ids?: string[] },
): Promise<SyncRow[]> {
  const ranges = input.covered.map((segment) => {
    const from = Math.max(segment.from - MATCH_WINDOW.afterMs, input.since.getTime());
    const conditions = [isNotNull(sends.inFlightAt), gte(sends.inFlightAt, new Date(from))];
    if (Number.isFinite(segment.to)) {
      conditions.push(lte(sends.inFlightAt, new Date(segment.to + MATCH_WINDOW.beforeMs)));
    }
    return and(...conditions);
  });
  const parts = [
    ...ranges,
    ...(input.gids.length > 0 ? [inArray(sends.sendosoSendGid, input.gids)] : []),
    ...(input.codes.length > 0 ? [inArray(sends.trackingCode, input.codes)] : []),
    ...(input.ids && input.ids.length > 0 ? [inArray(sends.id, input.ids)] : []),
  ];
  if (parts.length === 0) return [];
  // Each part on an index of its own (in_flight_at, gid, tracking code, id).
  const batches = await Promise.all(parts.map((part) => selectRows(db, part)));
  const byId = new Map(batches.flat().map((row) => [row.id, row]));
  return [...byId.values()];
}
