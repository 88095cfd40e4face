import { isTouchAvailable, type TouchFixture } from "../fixtures/touches";
import { json, pageParams, paginate, type SimResponse } from "../http-utils";
import type { Handler } from "../router";
import type { SimulatorState } from "../state";

export const touchNotFound = (): SimResponse => json(404, { success: false, message: "Touch not found" });

/** An active, in-window touch by id, as POST /send and GET /touches/:id see it. */
export function findAvailableTouch(state: SimulatorState, id: number): TouchFixture | undefined {
  const now = state.clock.nowMs();
  return state.options.touches.find((t) => t.touch.id === id && isTouchAvailable(t, now));
}

/** GET /api/v3/touches: active campaigns only, `total_posts`, optional delivery_type filter. */
export const listTouches: Handler = (req, { state }) => {
  const now = state.clock.nowMs();
  const deliveryType = req.query.get("delivery_type");
  const touches = state.options.touches
    .filter((t) => isTouchAvailable(t, now))
    .filter((t) => !deliveryType || t.touch.delivery_type === deliveryType)
    .map((t) => t.touch)
    .sort((a, b) => a.id - b.id);
  const page = pageParams(req.query, state.options.defaultPerPage);
  return json(200, {
    current_page: page.page,
    per_page: page.perPage,
    total_posts: touches.length,
    touches: paginate(touches, page),
  });
};

/** GET /api/v3/touches/:id → `{success, touch}` (an object, despite the docs saying "array"). */
export const showTouch: Handler = (req, { state }) => {
  const id = req.params.id ?? "";
  const fixture = /^\d+$/.test(id) ? findAvailableTouch(state, Number(id)) : undefined;
  return fixture ? json(200, { success: true, touch: fixture.touch }) : touchNotFound();
};
