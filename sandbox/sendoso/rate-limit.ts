/**
 * Sliding-window throttle per OAuth client ("more than 10 requests/second" → 429).
 * Uses real time, not the simulator clock, so advancing the clock never trips or clears it.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly blockMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Records a hit for `key` and says whether it is allowed. Rejected hits are not counted. */
  allow(key: string): boolean {
    const now = this.now();
    if ((this.blockedUntil.get(key) ?? 0) > now) return false;
    const recent = (this.hits.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      if (this.blockMs > 0) this.blockedUntil.set(key, now + this.blockMs);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    return true;
  }

  reset(): void {
    this.hits.clear();
    this.blockedUntil.clear();
  }
}
