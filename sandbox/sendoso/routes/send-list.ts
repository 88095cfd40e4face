import { json, pageParams, paginate } from "../http-utils";
import type { Handler } from "../router";
import { toSendItem } from "../send-store";

/** GET /api/v3/send: organisation-wide, newest first, `total_count` (contract §5.1). */
export const listSends: Handler = (req, { state }) => {
  const sends = state.sends.list(state.clock.nowMs());
  const page = pageParams(req.query, state.options.defaultPerPage);
  const { groups, includeTrackingCodeInList, apiSentVia, listOutOfOrderPage } = state.options;
  const items = paginate(sends, page).map((send) =>
    toSendItem(send, groups, includeTrackingCodeInList, apiSentVia),
  );
  // The documentation promises no order: a switch serves one page out of newest-first order.
  if (listOutOfOrderPage === page.page && items.length > 1) items.push(...items.splice(0, 1));
  return json(200, {
    current_page: page.page,
    per_page: page.perPage,
    total_count: sends.length,
    sends: items,
  });
};

/** Legacy GET /api/v3/gifts/status/:tracking_code (behind `legacyStatusEndpoint`; contract §5.3). */
export const legacyGiftStatus: Handler = (req, { state }) => {
  const send = state.options.legacyStatusEndpoint
    ? state.sends.findByTrackingCode(req.params.code ?? "", state.clock.nowMs())
    : undefined;
  if (!send) return json(404, { success: false, message: "Not Found" });
  const activities = send.timeline.updates.map((u) => ({
    activity: { date_and_time: new Date(u.atMs).toISOString(), status: u.status },
  }));
  return json(200, { activities: [activities] });
};
