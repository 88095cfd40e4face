/**
 * How many of the limiter's per-second slots bulk rows may use: all but a tenth (at least one), so single
 * sends always find a free one. With a limit of 1 there is nothing to spare and bulk shares it.
 */
export function bulkSlots(limit: number): number {
  if (limit <= 1) return limit;
  return limit - Math.max(1, Math.floor(limit / 10));
}
