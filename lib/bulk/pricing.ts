import "server-only";
import type { Db } from "@/lib/db/client";
import { getSendosoClientFor, listActiveTouches } from "@/lib/sendoso";
import type { TouchPricing } from "@/lib/sends/send-service";
import { estimateSendCost } from "@/lib/spend/estimate";
import { adminEstimateFor } from "@/lib/spend/estimates-store";

/** The batch touch priced as the single send prices it (sendGift action): name and per-gift estimate. */
export async function touchPricingFor(db: Db, userId: string, touchId: number): Promise<TouchPricing> {
  const opened = await getSendosoClientFor(userId);
  const touches = await listActiveTouches(userId, opened).catch(() => []);
  const touch = touches.find((t) => t.id === touchId);
  return {
    name: touch?.name ?? `Touch ${touchId}`,
    estimate: estimateSendCost(touch, await adminEstimateFor(db, touchId)),
  };
}
