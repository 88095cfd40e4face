import type { SendosoSendItem, SendosoSendPage } from "@/lib/sendoso/schemas-sends";

export const PER_PAGE = 100;

export type ListPage = (request: { page: number; perPage: number }) => Promise<SendosoSendPage>;

export type Walk = {
  items: SendosoSendItem[];
  pages: number;
  /** True when every send created since `notBefore` was seen (or the list ended). */
  complete: boolean;
};

/**
 * Reads Sendoso's organisation-wide send list page by page until it is past `notBefore`, the end of the
 * list, or `maxPages`. The list has no filters; it comes newest first, which the documentation does not
 * promise, so paging only stops early on a page that is itself in newest-first order. Sends created while
 * we page push older items onto the next page, so an item may show up twice: it is kept once, by gid.
 */
export async function walkSendList(
  listPage: ListPage,
  options: { notBefore: Date; maxPages: number },
): Promise<Walk> {
  const byGid = new Map<string, SendosoSendItem>();
  for (let page = 1; page <= options.maxPages; page++) {
    const data = await listPage({ page, perPage: PER_PAGE });
    for (const item of data.sends) byGid.set(item.send_gid, item);
    const reachedEnd = data.sends.length === 0 || page * PER_PAGE >= data.total_count;
    if (reachedEnd || pastCutoff(data.sends, options.notBefore)) {
      return { items: [...byGid.values()], pages: page, complete: true };
    }
  }
  return { items: [...byGid.values()], pages: options.maxPages, complete: false };
}

/** The page is newest first and its oldest item is older than the cutoff: later pages are older still. */
function pastCutoff(items: SendosoSendItem[], notBefore: Date): boolean {
  const times = items.map((item) => Date.parse(item.created_at));
  if (times.some((t) => !Number.isFinite(t))) return false;
  const newestFirst = times.every((t, i) => i === 0 || t <= (times[i - 1] as number));
  const oldest = times.at(-1);
  return newestFirst && oldest !== undefined && oldest < notBefore.getTime();
}
