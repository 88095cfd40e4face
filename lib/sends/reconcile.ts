import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { gidsTaken, loadSendsInFlight, loadSendsToSync, type SyncRow } from "./reconcile-load";
import { MATCH_WINDOW, matchSends, type OurSend } from "./reconcile-match";
import { type ListPage, walkSendList } from "./reconcile-walk";
import { applyMatch, clearSyncRequests, type WriteResult } from "./reconcile-write";

export type ReconcileDeps = {
  db: Db;
  /** One page of `GET /api/v3/send`, through any working connection (the list is organisation-wide). */
  listPage: ListPage;
  /** The Sendoso user of the sandbox token, for sends made without a connection; null when there is none. */
  sandboxSendosoUserId: () => Promise<number | null>;
  now?: Date;
  /** How far back `unknown` and still-changing `sent` sends are looked for. */
  lookbackDays?: number;
  /** Upper bound on list pages (100 sends each) read per run. */
  maxPages?: number;
  /** Where mismatches are reported (R15); the app log (warn) by default. */
  warn?: (message: string) => void;
  /** Ambiguous sends an earlier run already reported: not reported again every minute. */
  reportedAmbiguous?: ReadonlySet<string>;
  /** Look for these sends only (a person's "check now"); in-flight sends still compete for candidates. */
  onlySendIds?: string[];
};

export type ReconcileCounts = {
  /** Our sends looked for. */
  looked: number;
  pages: number;
  /** The list was read back past the oldest send looked for. */
  complete: boolean;
  /** `unknown` sends found upstream and now `sent`. */
  resolved: number;
  /** `sent` sends whose gid, status, cost or history changed. */
  updated: number;
  unchanged: number;
  /** Left alone: several candidates, or one candidate fitting several of our sends. */
  ambiguous: number;
  ambiguousSendIds: string[];
  notFound: number;
  /** Matching window still open: decided on a later run. */
  waiting: number;
  /** Moved on while we looked (e.g. marked not sent): left for a person. */
  conflicts: number;
};

const DAY_MS = 86_400_000;

const emptyCounts = (): ReconcileCounts => ({
  looked: 0,
  pages: 0,
  complete: true,
  resolved: 0,
  updated: 0,
  unchanged: 0,
  ambiguous: 0,
  ambiguousSendIds: [],
  notFound: 0,
  waiting: 0,
  conflicts: 0,
});

/**
 * Brings our sends in line with Sendoso's send list (R11): finds `unknown` sends upstream and marks them
 * `sent`, and stores gid, status, cost and status history of sent ones. Reads only; never creates or
 * re-sends anything. Safe to repeat: a run over an unchanged list writes nothing.
 */
export async function reconcileSends(deps: ReconcileDeps): Promise<ReconcileCounts> {
  const { db } = deps;
  const now = deps.now ?? new Date();
  const warn = deps.warn ?? ((message: string) => log.warn(message));
  const since = new Date(now.getTime() - (deps.lookbackDays ?? 30) * DAY_MS);
  const wanted = await loadSendsToSync(db, since, deps.onlySendIds);
  const counts = emptyCounts();
  if (wanted.length === 0) return counts;
  const inFlight = await loadSendsInFlight(db, since);

  const needsSandboxUser = [...wanted, ...inFlight].some((r) => r.sendosoConnectionId === null);
  const sandboxUser = needsSandboxUser ? await deps.sandboxSendosoUserId() : null;
  const toOurs = (row: SyncRow, isWanted: boolean): OurSend => ({
    id: row.id,
    sendGid: row.sendosoSendGid,
    recipientEmail: row.recipientEmail,
    touchId: row.touchId,
    sendosoUserId: row.sendosoConnectionId === null ? sandboxUser : row.connectionSendosoUserId,
    postedAt: row.postedAt,
    wanted: isWanted,
  });

  const oldest = Math.min(...wanted.map((r) => r.postedAt.getTime()));
  const walk = await walkSendList(deps.listPage, {
    notBefore: new Date(oldest - MATCH_WINDOW.beforeMs),
    maxPages: deps.maxPages ?? 20,
  });
  const taken = await gidsTaken(
    db,
    walk.items.map((item) => item.send_gid),
  );
  const outcomes = matchSends(
    [...wanted.map((r) => toOurs(r, true)), ...inFlight.map((r) => toOurs(r, false))],
    walk.items,
    taken,
    { now, coveredFrom: walk.complete ? undefined : oldestCreated(walk.items) },
  );

  Object.assign(counts, { looked: wanted.length, pages: walk.pages, complete: walk.complete });
  const rows = new Map(wanted.map((r) => [r.id, r]));
  const handled: SyncRow[] = [];
  for (const outcome of outcomes) {
    const row = rows.get(outcome.send.id);
    if (!row) continue;
    if (outcome.kind === "matched") {
      const result: WriteResult = await applyMatch(db, row, outcome.item, now);
      counts[result === "conflict" ? "conflicts" : result] += 1;
      if (result === "conflict") {
        warn(
          `reconciler: send ${row.id} (${row.state}) changed while matching Sendoso send ${outcome.item.send_gid}; left for a person`,
        );
      }
      continue;
    }
    if (outcome.kind === "too_early") {
      counts.waiting += 1;
      continue;
    }
    if (outcome.kind === "not_reached") {
      counts.notFound += 1;
      continue;
    }
    if (outcome.kind === "ambiguous") {
      counts.ambiguous += 1;
      counts.ambiguousSendIds.push(row.id);
      if (!deps.reportedAmbiguous?.has(row.id)) {
        warn(
          `reconciler: send ${row.id} is ambiguous (${outcome.reason}): Sendoso sends ${outcome.candidateGids.join(", ")} could be it; nothing changed`,
        );
      }
    } else {
      counts.notFound += 1;
    }
    // Looked for over the whole window: the request is answered, even without a match.
    if (row.syncRequestedAt && (walk.complete || outcome.kind === "ambiguous")) handled.push(row);
  }
  await clearSyncRequests(db, handled);
  return counts;
}

/** The oldest `created_at` among the items read (ms); +Infinity when none could be read. */
function oldestCreated(items: { created_at: string }[]): number {
  const times = items.map((item) => Date.parse(item.created_at)).filter(Number.isFinite);
  return times.length > 0 ? Math.min(...times) : Number.POSITIVE_INFINITY;
}
