/**
 * What a caller wants a slot for. Sends come first in this process's queue and may use every slot;
 * reads wait behind them and use only `readSlots`. Default "send", so existing callers are unchanged.
 */
export type SlotKind = "send" | "read";

/** The slots reads may use by default: limit minus 30%, never fewer than one. */
export function defaultReadSlots(limit: number): number {
  return limit < 2 ? limit : Math.max(1, limit - Math.max(1, Math.ceil(limit * 0.3)));
}
