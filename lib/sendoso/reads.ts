import type { Http } from "./http";
import { type Touch, touchPageSchema, touchShowSchema } from "./schemas";
import {
  groupMembersSchema,
  groupPageSchema,
  meSchema,
  type SendosoGroupMember,
  type SendosoGroupPage,
  type SendosoMe,
  type SendosoUserPage,
  userPageSchema,
} from "./schemas-account";
import { type SendosoSendPage, sendPageSchema } from "./schemas-sends";

export type PageRequest = { page?: number; perPage?: number };

/** Sendoso's documented maximum `per_page`. */
const MAX_PER_PAGE = 100;
/** A runaway total_posts must not turn one call into an unbounded crawl. */
const MAX_TOUCH_PAGES = 50;

function pageQuery({ page = 1, perPage = MAX_PER_PAGE }: PageRequest, extra: Record<string, string> = {}) {
  const params = new URLSearchParams({
    page: String(Math.max(1, Math.trunc(page))),
    per_page: String(Math.min(MAX_PER_PAGE, Math.max(1, Math.trunc(perPage)))),
    ...extra,
  });
  return params.toString();
}

/** The read endpoints (shared/sendoso-api.md §4–§6); each answer is parsed, or a typed error is thrown. */
export function createReads(http: Http) {
  /** Every active touch, all pages; `deliveryType` "mail" = physical, "email" = eGift. */
  async function listTouches(
    options: { deliveryType?: "mail" | "email"; perPage?: number } = {},
  ): Promise<Touch[]> {
    const extra: Record<string, string> = options.deliveryType ? { delivery_type: options.deliveryType } : {};
    const touches: Touch[] = [];
    for (let page = 1; page <= MAX_TOUCH_PAGES; page++) {
      const query = pageQuery({ page, perPage: options.perPage }, extra);
      const data = await http.getJson(`/api/v3/touches?${query}`, touchPageSchema);
      touches.push(...data.touches);
      if (data.touches.length === 0 || touches.length >= data.total_posts) break;
    }
    return touches;
  }

  async function getTouch(touchId: number): Promise<Touch> {
    const data = await http.getJson(
      `/api/v3/touches/${encodeURIComponent(String(touchId))}`,
      touchShowSchema,
    );
    return data.touch;
  }

  /** One page of the organisation's sends (no filters exist upstream; sort order is undocumented). */
  function listSends(request: PageRequest = {}): Promise<SendosoSendPage> {
    return http.getJson(`/api/v3/send?${pageQuery(request)}`, sendPageSchema);
  }

  /** The Sendoso user the token belongs to, with balance: the connection test. */
  function me(): Promise<SendosoMe> {
    return http.getJson("/api/v3/me", meSchema);
  }

  function listUsers(request: PageRequest = {}): Promise<SendosoUserPage> {
    return http.getJson(`/api/v3/users?${pageQuery(request)}`, userPageSchema);
  }

  function listGroups(request: PageRequest = {}): Promise<SendosoGroupPage> {
    return http.getJson(`/api/v3/groups?${pageQuery(request)}`, groupPageSchema);
  }

  /** Members of one team group; an unknown group is a `not_found` SendosoError. */
  function listGroupMembers(groupId: string | number): Promise<SendosoGroupMember[]> {
    return http.getJson(`/api/v3/groups/${encodeURIComponent(String(groupId))}/members`, groupMembersSchema);
  }

  return { listTouches, getTouch, listSends, me, listUsers, listGroups, listGroupMembers };
}
