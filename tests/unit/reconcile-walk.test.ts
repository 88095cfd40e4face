import { describe, expect, it } from "vitest";
import type { SendosoSendItem, SendosoSendPage } from "@/lib/sendoso/schemas-sends";
import { PER_PAGE, type ResumePoint, type WalkOptions, walkSendList } from "@/lib/sends/reconcile-walk";

const T0 = Date.parse("2026-11-26T12:00:00.000Z");
const MINUTE = 60_000;

const item = (gid: string, minutesAgo: number): SendosoSendItem => ({
  id: 1,
  send_gid: gid,
  status: "Sent",
  created_at: new Date(T0 - minutesAgo * MINUTE).toISOString(),
});

/** A fake list: `items` in the given order, served PER_PAGE at a time, recording each page asked for. */
function fakeList(items: SendosoSendItem[]) {
  const asked: number[] = [];
  const listPage = async ({ page, perPage }: { page: number; perPage: number }): Promise<SendosoSendPage> => {
    asked.push(page);
    const sends = items.slice((page - 1) * perPage, page * perPage);
    return { current_page: page, per_page: perPage, total_count: items.length, sends };
  };
  return { asked, listPage };
}

/** `count` items, newest first, one minute apart starting `fromMinutesAgo`. */
const newestFirst = (count: number, fromMinutesAgo = 0, prefix = "g") =>
  Array.from({ length: count }, (_, i) => item(`${prefix}${i}`, fromMinutesAgo + i));

/** One run's options: no head/deep split unless asked, no overlap. */
const opts = (overrides: Partial<WalkOptions> = {}): WalkOptions => ({
  notBefore: new Date(0),
  maxPages: 20,
  headPages: 20,
  overlapMs: 0,
  ...overrides,
});

describe("walkSendList", () => {
  it("stops after the first page whose oldest item is older than the cutoff", async () => {
    const list = fakeList(newestFirst(350));
    const walk = await walkSendList(list.listPage, opts({ notBefore: new Date(T0 - 150 * MINUTE) }));
    expect(list.asked).toEqual([1, 2]);
    expect(walk).toMatchObject({ pages: 2, complete: true, ordered: true, resume: null });
    expect(walk.items).toHaveLength(2 * PER_PAGE);
    expect(walk.covered).toEqual([{ from: Number.NEGATIVE_INFINITY, to: Number.POSITIVE_INFINITY }]);
  });

  it("reads to the end of a short list", async () => {
    const list = fakeList(newestFirst(130));
    const walk = await walkSendList(list.listPage, opts());
    expect(list.asked).toEqual([1, 2]);
    expect(walk).toMatchObject({ pages: 2, complete: true });
  });

  it("stops on an empty page", async () => {
    const list = fakeList([]);
    expect(await walkSendList(list.listPage, opts({ maxPages: 5 }))).toMatchObject({
      items: [],
      pages: 1,
      complete: true,
    });
  });

  it("gives up at the page limit, says the walk is incomplete and where to go on", async () => {
    const list = fakeList(newestFirst(1_000));
    const walk = await walkSendList(list.listPage, opts({ maxPages: 3, overlapMs: 50 * MINUTE }));
    expect(list.asked).toEqual([1, 2, 3]);
    expect(walk).toMatchObject({ pages: 3, complete: false });
    // The next run re-reads the last 50 minutes it read (the overlap), then goes on.
    expect(walk.resume).toMatchObject({ index: 248, gid: "g248", totalCount: 1_000 });
    expect(walk.covered).toEqual([{ from: T0 - 299 * MINUTE, to: Number.POSITIVE_INFINITY }]);
  });

  it("treats a page out of newest-first order as incomplete: nothing covered, no resume point", async () => {
    const items = newestFirst(250);
    [items[120], items[130]] = [items[130] as SendosoSendItem, items[120] as SendosoSendItem];
    const list = fakeList(items);
    const walk = await walkSendList(list.listPage, opts());
    expect(walk).toMatchObject({ ordered: false, complete: false, covered: [], resume: null });
  });

  it("treats a page older than the page before as out of order", async () => {
    const items = [...newestFirst(100, 50), ...newestFirst(100, 0, "h")];
    const walk = await walkSendList(fakeList(items).listPage, opts());
    expect(walk).toMatchObject({ ordered: false, covered: [] });
  });

  it("keeps an item once when new sends push it onto the next page", async () => {
    const items = newestFirst(150);
    const list = fakeList(items);
    const shifting = async (request: { page: number; perPage: number }) => {
      // Five sends arrive between page 1 and page 2: page 2 starts five items earlier.
      if (request.page === 2) items.unshift(...newestFirst(5, -10, "new"));
      return list.listPage(request);
    };
    const walk = await walkSendList(shifting, opts());
    const gids = walk.items.map((i) => i.send_gid);
    expect(new Set(gids).size).toBe(gids.length);
    expect(gids).toContain("g149");
    expect(walk.ordered).toBe(true);
  });

  it("reaches every item of a long list within the promised runs, each bounded, while it grows", async () => {
    const items = newestFirst(20_000);
    const list = fakeList(items);
    const seen = new Set<string>();
    let resume: ResumePoint | null = null;
    let runs = 0;
    const options = { maxPages: 20, headPages: 5, overlapMs: 15 * MINUTE };
    do {
      const before = list.asked.length;
      const walk = await walkSendList(list.listPage, opts({ ...options, resume }));
      expect(list.asked.length - before).toBeLessThanOrEqual(20);
      for (const i of walk.items) seen.add(i.send_gid);
      resume = walk.resume;
      runs += 1;
      // Three new sends a run, at the top.
      items.unshift(...newestFirst(3, -10 * runs - 3, `r${runs}-`));
    } while (resume !== null && runs < 100);
    // 200 pages: 5 head + 15 deep a run, one page of overlap each: ceil(195 / 14) + 1 runs at most.
    expect(
      newestFirst(20_000)
        .filter((i) => !seen.has(i.send_gid))
        .map((i) => i.send_gid),
    ).toEqual([]);
    expect(runs).toBeLessThanOrEqual(Math.ceil(195 / 14) + 1);
  });

  it("drops a resumed read that starts past where the last one stopped (items went missing)", async () => {
    const items = newestFirst(2_000);
    const list = fakeList(items);
    const first = await walkSendList(list.listPage, opts({ maxPages: 8, headPages: 2 }));
    expect(first.resume).not.toBeNull();
    // 300 items vanish above the resume point while 300 old ones appear below: the total is unchanged,
    // so the resume page now starts older than where we stopped.
    items.splice(100, 300);
    items.push(...newestFirst(300, 5_000, "old"));
    const second = await walkSendList(
      list.listPage,
      opts({ maxPages: 8, headPages: 2, resume: first.resume }),
    );
    // The gap is noticed; the deep walk starts over right after the head, contiguous.
    expect(second.covered).toHaveLength(1);
    expect(second.covered[0]?.to).toBe(Number.POSITIVE_INFINITY);
  });

  it("starts the deep walk over when the list shrank", async () => {
    const items = newestFirst(1_000);
    const list = fakeList(items);
    const first = await walkSendList(list.listPage, opts({ maxPages: 8, headPages: 2 }));
    items.splice(100, 300);
    const second = await walkSendList(
      list.listPage,
      opts({ maxPages: 8, headPages: 2, resume: first.resume }),
    );
    expect(second.covered).toHaveLength(1);
  });
});
