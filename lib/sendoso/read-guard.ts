import type { Db } from "@/lib/db/client";
import { consume } from "@/lib/rate-limit";

/**
 * Guards the Sendoso reads a browser can trigger at will (GET /api/sendoso/me, GET /api/touches;
 * issue 16 item 3): a short cache per connection, shared by concurrent requests (one upstream call for
 * any number of them), and a per-user limit on the calls that miss it, counted in the database so every
 * instance shares it. With the limiter's read share (lib/rate-limit), no rep can starve a send.
 */
export class ReadLimitedError extends Error {
  constructor(readonly retryAfterMs: number) {
    super("Too many Sendoso reads; try again shortly.");
    this.name = "ReadLimitedError";
  }
}

export type ReadGuard = {
  read<T>(userId: string, cacheKey: string, load: () => Promise<T>): Promise<T>;
  clear(): void;
};

export function createReadGuard(options: {
  db: () => Promise<Db>;
  cacheMs: number;
  perUserPerMinute: () => number;
  now?: () => number;
}): ReadGuard {
  const now = options.now ?? Date.now;
  const cache = new Map<string, { at: number; value: Promise<unknown> }>();
  return {
    read<T>(userId: string, cacheKey: string, load: () => Promise<T>): Promise<T> {
      const hit = cache.get(cacheKey);
      if (hit && now() - hit.at < options.cacheMs) return hit.value as Promise<T>;
      // Stored before anything is awaited, so concurrent misses share this one attempt.
      const value = (async () => {
        const verdict = await consume(await options.db(), {
          key: `sendoso-read:${userId}`,
          limit: options.perUserPerMinute(),
          windowMs: 60_000,
        });
        if (!verdict.ok) throw new ReadLimitedError(verdict.retryAfterMs);
        return load();
      })();
      cache.set(cacheKey, { at: now(), value });
      // A failure is not cached: the next request tries again (and counts against the limit).
      value.catch(() => {
        if (cache.get(cacheKey)?.value === value) cache.delete(cacheKey);
      });
      return value;
    },
    clear: () => cache.clear(),
  };
}
