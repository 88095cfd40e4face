import type { SendosoSendItem, SendosoSendPage } from "@/lib/sendoso/schemas-sends";

export const PER_PAGE = 100;

export type ListPage = (request: { page: number; perPage: number }) => Promise<SendosoSendPage>;

/** Where the next run's deep walk continues: an item's place in the list and the list's size then. */
export type ResumePoint = { index: number; createdAt: string; gid: string; totalCount: number };

/** A stretch of `created_at` (ms, bounds excluded) read with no gap: every item inside it was seen. */
export type Segment = { from: number; to: number };

export type Walk = {
  items: SendosoSendItem[];
  pages: number;
  /** Every send created since `notBefore` was seen in this run (one contiguous read from page 1). */
  complete: boolean;
  /** False when a page came out of newest-first order: nothing may be decided by content. */
  ordered: boolean;
  covered: Segment[];
  /** Null once the walk reached `notBefore` or the end of the list: the next deep walk starts over. */
  resume: ResumePoint | null;
};

export type WalkOptions = {
  notBefore: Date;
  /** Pages per run, head and deep walk together. */
  maxPages: number;
  /** Pages always read from the top, so new sends are decided within minutes however deep the walk is. */
  headPages: number;
  resume?: ResumePoint | null;
  /** How far a resumed read re-reads past the last one, so no matching window falls between two runs. */
  overlapMs: number;
};

type Read = { startPage: number; items: SendosoSendItem[]; pages: number; ended: boolean; total: number };

const createdMs = (item: SendosoSendItem) => Date.parse(item.created_at);

/**
 * Reads Sendoso's organisation-wide send list (no filters upstream; newest first, which the documentation
 * does not promise, so every page is checked). Each run reads the first `headPages`, then continues the
 * deep walk where the last run stopped, within `maxPages` in all; a list of any size is covered within
 * a bounded number of runs (README "Keeping status in sync"). New sends push older items to later
 * pages while we read, so the resume page is shifted by the growth of `total_count`, and an item may
 * be read twice: it is kept once, by gid. A resumed page that starts older than where we left off means
 * items moved the other way (a gap): that read is dropped and the deep walk starts over.
 */
export async function walkSendList(listPage: ListPage, options: WalkOptions): Promise<Walk> {
  const byGid = new Map<string, SendosoSendItem>();
  const covered: Segment[] = [];
  let pages = 0;
  let ordered = true;
  const notBefore = options.notBefore.getTime();

  async function read(startPage: number, budget: number, notOlderThan?: number): Promise<Read | null> {
    const items: SendosoSendItem[] = [];
    let total = 0;
    for (let page = startPage; page < startPage + budget; page++) {
      const data = await listPage({ page, perPage: PER_PAGE });
      pages += 1;
      total = data.total_count;
      const prev = items.at(-1);
      // Items pushed down from the page before (new sends arrived meanwhile) are skipped, not misordered.
      const fresh = data.sends.filter((item) => !byGid.has(item.send_gid));
      if (!inOrder(fresh, prev ? createdMs(prev) : Number.POSITIVE_INFINITY)) {
        ordered = false;
        return null;
      }
      const first = data.sends[0];
      if (page === startPage && notOlderThan !== undefined && first && createdMs(first) < notOlderThan) {
        return null;
      }
      items.push(...data.sends);
      for (const item of data.sends) byGid.set(item.send_gid, item);
      const last = data.sends.at(-1);
      const ended = data.sends.length === 0 || page * PER_PAGE >= data.total_count;
      if (ended || (last && createdMs(last) < notBefore)) {
        return { startPage, items, pages: page - startPage + 1, ended: true, total };
      }
    }
    return { startPage, items, pages: budget, ended: false, total };
  }

  const done = (complete: boolean, resume: ResumePoint | null): Walk => ({
    items: [...byGid.values()],
    pages,
    complete: ordered && complete,
    ordered,
    covered: ordered ? covered : [],
    resume: ordered ? resume : null,
  });

  const head = await read(1, Math.min(options.headPages, options.maxPages));
  if (!head) return done(false, null);
  covered.push(segmentOf(head));
  if (head.ended) return done(true, null);

  let deep: Read | null = null;
  const headEnd = head.startPage + head.pages;
  const resumeAt = options.resume ? resumePage(options.resume, head.total) : null;
  if (options.maxPages > pages && resumeAt !== null && resumeAt > headEnd && options.resume) {
    deep = await read(resumeAt, options.maxPages - pages, Date.parse(options.resume.createdAt));
    if (!ordered) return done(false, null);
  }
  // No resume point, one behind the head, or a gap: the deep walk goes on from the head.
  if (!deep && options.maxPages > pages) {
    deep = await read(headEnd, options.maxPages - pages);
    if (!deep) return done(false, null);
    // Contiguous with the head: one segment.
    covered.splice(0, 1, segmentOf({ ...deep, startPage: 1 }));
    if (deep.ended) return done(true, null);
    return done(false, resumeFrom(deep, options.overlapMs));
  }
  if (!deep) return done(false, resumeFrom(head, options.overlapMs));
  covered.push(segmentOf(deep));
  return done(false, deep.ended ? null : resumeFrom(deep, options.overlapMs));
}

/** Newest first within the page, and not newer than the page before (ties are fine). */
function inOrder(items: SendosoSendItem[], previous: number): boolean {
  let last = previous;
  for (const item of items) {
    const t = createdMs(item);
    if (!Number.isFinite(t) || t > last) return false;
    last = t;
  }
  return true;
}

function segmentOf(read: Read): Segment {
  const first = read.items[0];
  const last = read.items.at(-1);
  return {
    to: read.startPage === 1 || !first ? Number.POSITIVE_INFINITY : createdMs(first),
    from: read.ended || !last ? Number.NEGATIVE_INFINITY : createdMs(last),
  };
}

/** Where the list has grown by `total - then`, the item we stopped at is that many places further down. */
function resumePage(resume: ResumePoint, total: number): number | null {
  const grown = total - resume.totalCount;
  if (grown < 0) return null;
  return Math.floor((resume.index + grown) / PER_PAGE) + 1;
}

/**
 * The next run starts at the last item read that is more than an overlap newer than the oldest one
 * (so a window cut by this run's end is read whole next time); at least one page on, so it moves.
 */
function resumeFrom(read: Read, overlapMs: number): ResumePoint | null {
  const { items } = read;
  const oldest = items.at(-1);
  if (!oldest) return null;
  const base = (read.startPage - 1) * PER_PAGE;
  const lastPageStart = Math.max(0, items.length - PER_PAGE);
  let at = lastPageStart;
  for (let i = items.length - 1; i >= 0; i--) {
    if (createdMs(items[i] as SendosoSendItem) > createdMs(oldest) + overlapMs) {
      at = Math.max(i, Math.min(PER_PAGE, lastPageStart));
      break;
    }
  }
  const anchor = items[at] as SendosoSendItem;
  return { index: base + at, createdAt: anchor.created_at, gid: anchor.send_gid, totalCount: read.total };
}
