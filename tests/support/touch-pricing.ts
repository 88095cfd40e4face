import type { TouchPricing } from "@/lib/sends/send-service";

/** A touch as the send action passes it: a name, and an estimated cost (none: unpriced). */
export function priced(name: string, amount: number | null = null, isGuess = amount === null): TouchPricing {
  return { name, estimate: { amount, isGuess } };
}
