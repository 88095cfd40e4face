import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { touchCostEstimates } from "@/lib/db/schema";

/** The admin's estimate for one touch, or null when none is set. */
export async function adminEstimateFor(db: Db, touchId: number): Promise<number | null> {
  const [row] = await db
    .select({ amount: touchCostEstimates.amount })
    .from(touchCostEstimates)
    .where(eq(touchCostEstimates.touchId, touchId));
  return row ? Number(row.amount) : null;
}

/** Every admin estimate for these touches, by touch id (for the send form's touch list). */
export async function adminEstimatesFor(db: Db, touchIds: number[]): Promise<Map<number, number>> {
  if (touchIds.length === 0) return new Map();
  const rows = await db
    .select({ touchId: touchCostEstimates.touchId, amount: touchCostEstimates.amount })
    .from(touchCostEstimates)
    .where(inArray(touchCostEstimates.touchId, touchIds));
  return new Map(rows.map((r) => [r.touchId, Number(r.amount)]));
}
