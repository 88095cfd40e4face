import { describe, expect, it } from "vitest";
import type { SendosoSendItem, SendosoSendPage } from "@/lib/sendoso/schemas-sends";
import { PER_PAGE, walkSendList } from "@/lib/sends/reconcile-walk";

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

describe("walkSendList", () => {
  it("stops after the first page whose oldest item is older than the cutoff", async () => {
    const list = fakeList(newestFirst(350));
    const walk = await walkSendList(list.listPage, {
      notBefore: new Date(T0 - 150 * MINUTE),
      maxPages: 20,
    });
    expect(list.asked).toEqual([1, 2]);
    expect(walk).toMatchObject({ pages: 2, complete: true });
    expect(walk.items).toHaveLength(2 * PER_PAGE);
  });

  it("reads to the end of a short list", async () => {
    const list = fakeList(newestFirst(130));
    const walk = await walkSendList(list.listPage, { notBefore: new Date(0), maxPages: 20 });
    expect(list.asked).toEqual([1, 2]);
    expect(walk).toMatchObject({ pages: 2, complete: true });
  });

  it("stops on an empty page", async () => {
    const list = fakeList([]);
    expect(await walkSendList(list.listPage, { notBefore: new Date(0), maxPages: 5 })).toEqual({
      items: [],
      pages: 1,
      complete: true,
    });
  });

  it("gives up at the page limit and says the walk is incomplete", async () => {
    const list = fakeList(newestFirst(1_000));
    const walk = await walkSendList(list.listPage, { notBefore: new Date(0), maxPages: 3 });
    expect(list.asked).toEqual([1, 2, 3]);
    expect(walk).toMatchObject({ pages: 3, complete: false });
  });

  it("does not stop early when the list is not newest first", async () => {
    const oldestFirst = newestFirst(250).reverse();
    const list = fakeList(oldestFirst);
    const walk = await walkSendList(list.listPage, {
      notBefore: new Date(T0 - 10 * MINUTE),
      maxPages: 20,
    });
    expect(list.asked).toEqual([1, 2, 3]);
    expect(walk.items.map((i) => i.send_gid)).toContain("g0");
  });

  it("keeps an item once when new sends push it onto the next page", async () => {
    const items = newestFirst(150);
    const list = fakeList(items);
    const shifting = async (request: { page: number; perPage: number }) => {
      // Five sends arrive between page 1 and page 2: page 2 starts five items earlier.
      if (request.page === 2) items.unshift(...newestFirst(5, -10, "new"));
      return list.listPage(request);
    };
    const walk = await walkSendList(shifting, { notBefore: new Date(0), maxPages: 20 });
    const gids = walk.items.map((i) => i.send_gid);
    expect(new Set(gids).size).toBe(gids.length);
    expect(gids).toContain("g149");
  });
});
