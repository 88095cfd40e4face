import type { Touch } from "@/lib/sendoso/schemas";

/**
 * What a send is expected to cost before Sendoso says (issue 7). eGifts: the top of the touch's price
 * range (the API takes no amount, so the most it can cost). Physical gifts: the admin's per-touch
 * estimate, flagged as a guess. `amount` null: nothing to go on (no estimate set, or the touch is not in
 * Sendoso's list) — budgets then send it to an approver rather than guess zero.
 */
export type CostEstimate = { amount: number | null; isGuess: boolean };

export type PricedTouch = Pick<Touch, "delivery_type" | "starting_egift_price" | "ending_egift_price">;

export function estimateSendCost(touch: PricedTouch | undefined, adminEstimate: number | null): CostEstimate {
  if (touch?.delivery_type === "email") {
    const top = touch.ending_egift_price ?? touch.starting_egift_price ?? null;
    if (top !== null) return { amount: roundCents(top), isGuess: false };
  }
  return { amount: adminEstimate === null ? null : roundCents(adminEstimate), isGuess: true };
}

export function roundCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}
