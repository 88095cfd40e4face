export type { Lease, LeaseEnd } from "./lease";
export {
  createRateLimiter,
  type RateLimiter,
  type RateLimiterOptions,
  RateLimitTimeoutError,
} from "./limiter";
export { defaultReadSlots, type SlotKind } from "./slot-kind";
export { consume, pruneIdleSlots } from "./slots";
