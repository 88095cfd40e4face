import type { Db } from "@/lib/db/client";
import type { Touch } from "@/lib/sendoso/schemas";
import { adminEstimatesFor } from "@/lib/spend/estimates-store";
import { listTouchCards } from "@/lib/touches/cards-store";
import {
  type CardDetails,
  type PriceFormat,
  type TouchOption,
  toTouchOption,
  unlistedTouchOption,
} from "./touch-options";

/**
 * The touch picker's options with what each would count against budgets and the admin's card details
 * (two queries for all). Carded touches Sendoso does not list stay in, after the listed ones, disabled.
 */
export async function pricedTouchOptions(
  db: Db,
  touches: Touch[],
  now = new Date(),
  format: PriceFormat = {},
  /** The cards, when the caller has read them already (the admin page shows them too). */
  knownCards?: Map<number, CardDetails>,
): Promise<TouchOption[]> {
  const [estimates, cards] = await Promise.all([
    adminEstimatesFor(
      db,
      touches.map((t) => t.id),
    ),
    knownCards ?? listTouchCards(db),
  ]);
  const listed = touches.map((t) =>
    toTouchOption(t, now, estimates.get(t.id) ?? null, format, cards.get(t.id) ?? null),
  );
  const listedIds = new Set(touches.map((t) => t.id));
  const unlisted = [...cards.values()]
    .filter((c) => !listedIds.has(c.touchId))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((c) => unlistedTouchOption(c, format));
  return [...listed, ...unlisted];
}
