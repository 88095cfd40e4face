export type { Lease, LeaseEnd } from "./lease";
export {
  createRateLimiter,
  type RateLimiter,
  type RateLimiterOptions,
  RateLimitTimeoutError,
} from "./limiter";
export { consume, pruneIdleSlots } from "./slots";
