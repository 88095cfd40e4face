import type { Db } from "@/lib/db/client";
import type { Touch } from "@/lib/sendoso/schemas";
import { adminEstimatesFor } from "@/lib/spend/estimates-store";
import { type PriceFormat, type TouchOption, toTouchOption } from "./touch-options";

/** The touch picker's options with what each would count against budgets (one query for all). */
export async function pricedTouchOptions(
  db: Db,
  touches: Touch[],
  now = new Date(),
  format: PriceFormat = {},
): Promise<TouchOption[]> {
  const estimates = await adminEstimatesFor(
    db,
    touches.map((t) => t.id),
  );
  return touches.map((t) => toTouchOption(t, now, estimates.get(t.id) ?? null, format));
}
