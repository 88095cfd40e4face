import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { alertMismatch } from "./reconcile-alerts";
import { isWanted, loadRowsFor, oldestWantedPostedAt, type SyncRow } from "./reconcile-load";
import { contentCandidates, MATCH_WINDOW, matchSends, type OurSend } from "./reconcile-match";
import { type ListPage, type ResumePoint, walkSendList } from "./reconcile-walk";
import { applyMatch, clearSyncRequests, markChecked } from "./reconcile-write";

export type ReconcileDeps = {
  db: Db;
  /** One page of `GET /api/v3/send`, through any working connection (the list is organisation-wide). */
  listPage: ListPage;
  /** The Sendoso user of the sandbox token, for sends made without a connection; null when there is none. */
  sandboxSendosoUserId: () => Promise<number | null>;
  /** Lower-cased `sent_via` values of API sends (env SENDOSO_API_SENT_VIA plus our via_from). */
  apiSentVia: readonly string[];
  now?: Date;
  /** How far back `unknown`, `not_sent` and still-changing `sent` sends are looked for. */
  lookbackDays?: number;
  /** Upper bound on list pages (100 sends each) read per run. */
  maxPages?: number;
  /** Pages read from the top on every run before the deep walk continues. */
  headPages?: number;
  /** Where the last run's deep walk stopped (job_leases.state); the new one comes back in the counts. */
  resume?: ResumePoint | null;
  /** Where mismatches are logged; the app log (warn) by default. Managers are told through notify as well. */
  warn?: (message: string) => void;
  /** Ambiguous sends an earlier run already logged: not logged again every minute. */
  reportedAmbiguous?: ReadonlySet<string>;
  /** Look for these sends only (a person's "check now"); every other send still competes for items. */
  onlySendIds?: string[];
};

export type ReconcileCounts = {
  /** Our sends looked for. */
  looked: number;
  pages: number;
  /** The list was read back past the oldest send looked for, in one run. */
  complete: boolean;
  /** Every page was newest first; false means nothing was decided by content. */
  ordered: boolean;
  /** `unknown` sends found upstream and now `sent`. */
  resolved: number;
  /** `not_sent` sends Sendoso has after all: now `sent`, with a loud alert. */
  foundAfterNotSent: number;
  /** `sent` sends whose gid, status, cost or history changed. */
  updated: number;
  unchanged: number;
  /** Left alone: several candidates, or one candidate fitting several of our sends. */
  ambiguous: number;
  ambiguousSendIds: string[];
  notFound: number;
  /** Not read this run (outside its pages): a later run of the deep walk reaches it. */
  notReached: number;
  /** Matching window still open: decided on a later run. */
  waiting: number;
  /** Moved on while we looked (e.g. marked not sent): left for a person. */
  conflicts: number;
  /** Wanted sends decided or brought up to date this run (matched or found absent). */
  reachedSendIds: string[];
  /** `sent_via` values of items that fit one of our sends but are not API origins (for SENDOSO_API_SENT_VIA). */
  rejectedSentVia: Record<string, number>;
  resume: ResumePoint | null;
};

const DAY_MS = 86_400_000;
/** The deep walk re-reads this much past the last run, so no matching window falls between runs. */
export const RESUME_OVERLAP_MS = MATCH_WINDOW.beforeMs + MATCH_WINDOW.afterMs + 60_000;
export const DEFAULT_MAX_PAGES = 20;
export const DEFAULT_HEAD_PAGES = 5;

const emptyCounts = (resume: ResumePoint | null): ReconcileCounts => ({
  looked: 0,
  pages: 0,
  complete: true,
  ordered: true,
  resolved: 0,
  foundAfterNotSent: 0,
  updated: 0,
  unchanged: 0,
  ambiguous: 0,
  ambiguousSendIds: [],
  notFound: 0,
  notReached: 0,
  waiting: 0,
  conflicts: 0,
  reachedSendIds: [],
  rejectedSentVia: {},
  resume,
});

/**
 * Brings our sends in line with Sendoso's send list (R11): finds `unknown` sends upstream and marks them
 * `sent`, and stores gid, status, cost and status history of sent ones. Reads only; never creates or
 * re-sends anything. Safe to repeat: a run over an unchanged list writes nothing but its checks.
 */
export async function reconcileSends(deps: ReconcileDeps): Promise<ReconcileCounts> {
  const { db } = deps;
  const now = deps.now ?? new Date();
  const warn = deps.warn ?? ((message: string) => log.warn(message));
  const since = new Date(now.getTime() - (deps.lookbackDays ?? 30) * DAY_MS);
  const oldest = await oldestWantedPostedAt(db, since, deps.onlySendIds);
  if (!oldest) return emptyCounts(null);

  const targeted = deps.onlySendIds !== undefined;
  const walk = await walkSendList(deps.listPage, {
    notBefore: new Date(oldest.getTime() - MATCH_WINDOW.beforeMs),
    maxPages: deps.maxPages ?? DEFAULT_MAX_PAGES,
    // A person's check reads from the top as far as its budget goes; it never moves the shared walk.
    headPages: targeted ? (deps.maxPages ?? DEFAULT_MAX_PAGES) : (deps.headPages ?? DEFAULT_HEAD_PAGES),
    resume: targeted ? null : deps.resume,
    overlapMs: RESUME_OVERLAP_MS,
  });
  const counts = emptyCounts(targeted ? (deps.resume ?? null) : walk.resume);
  Object.assign(counts, { pages: walk.pages, complete: walk.complete, ordered: walk.ordered });
  if (!walk.ordered) warn("reconciler: Sendoso's send list came out of order; nothing matched by content");

  const rows = await loadRowsFor(db, {
    covered: walk.covered,
    since,
    gids: walk.items.map((item) => item.send_gid),
    codes: walk.items.flatMap((item) => (item.tracking_code ? [item.tracking_code] : [])),
    ids: deps.onlySendIds,
  });
  const only = deps.onlySendIds ? new Set(deps.onlySendIds) : null;
  const wanted = (row: SyncRow) => isWanted(row) && (only === null || only.has(row.id));
  const sandboxUser = rows.some((r) => r.sendosoUserId === null && r.sendosoConnectionId === null)
    ? await deps.sandboxSendosoUserId()
    : null;
  const ours = rows.map(
    (row): OurSend => ({
      id: row.id,
      sendGid: row.sendosoSendGid,
      trackingCode: row.trackingCode,
      recipientEmail: row.recipientEmail,
      touchId: row.touchId,
      sendosoUserId: row.sendosoUserId ?? (row.sendosoConnectionId === null ? sandboxUser : null),
      postedAt: row.postedAt,
      wanted: wanted(row),
    }),
  );
  const options = {
    now,
    covered: walk.covered,
    apiSentVia: new Set(deps.apiSentVia),
    takenGids: new Set(rows.flatMap((r) => (r.sendosoSendGid ? [r.sendosoSendGid] : []))),
    takenCodes: new Set(rows.flatMap((r) => (r.trackingCode ? [r.trackingCode] : []))),
  };
  counts.rejectedSentVia = Object.fromEntries(contentCandidates(ours, walk.items, options).rejectedVia);
  if (Object.keys(counts.rejectedSentVia).length > 0) {
    warn(`reconciler: not adopted, sent_via not an API origin: ${JSON.stringify(counts.rejectedSentVia)}`);
  }

  const byId = new Map(rows.map((r) => [r.id, r]));
  const handled: SyncRow[] = [];
  const absent: SyncRow[] = [];
  const outcomes = matchSends(ours, walk.items, options);
  counts.looked = outcomes.length;
  for (const outcome of outcomes) {
    const row = byId.get(outcome.send.id);
    if (!row) continue;
    if (outcome.kind === "matched") {
      const result = await applyMatch(db, row, outcome.item, now);
      counts[result] += 1;
      if (result !== "conflicts") counts.reachedSendIds.push(row.id);
      if (result === "conflicts") {
        warn(`reconciler: send ${row.id} (${row.state}) changed while matching ${outcome.item.send_gid}`);
        await alertMismatch(db, row, "conflict", outcome.item.send_gid);
      }
      continue;
    }
    if (outcome.kind === "too_early") {
      counts.waiting += 1;
      continue;
    }
    if (outcome.kind === "not_reached") {
      counts.notReached += 1;
      continue;
    }
    if (outcome.kind === "ambiguous") {
      counts.ambiguous += 1;
      counts.ambiguousSendIds.push(row.id);
      if (!deps.reportedAmbiguous?.has(row.id)) {
        warn(
          `reconciler: send ${row.id} is ambiguous (${outcome.reason}): ${outcome.candidateGids.join(", ")}`,
        );
      }
      await alertMismatch(db, row, "ambiguous", outcome.candidateGids.join(", "), now);
    } else {
      counts.notFound += 1;
      counts.reachedSendIds.push(row.id);
      absent.push(row);
    }
    // Its whole window was read: the request is answered, even without a match.
    if (row.syncRequestedAt) handled.push(row);
  }
  await markChecked(db, absent, counts.ambiguousSendIds, now);
  await clearSyncRequests(db, handled);
  return counts;
}
