import type { Db } from "@/lib/db/client";
import { recordLimiterWait } from "@/lib/telemetry/metrics";
import { createLease, type Lease } from "./lease";
import { ensureSlots, shortenGrant, takeSlot } from "./slots";
import { createNap, createSpare } from "./spare";

/**
 * A waiting limiter over the shared slot table: at most `limit` requests per `windowMs` for `key`
 * across every process that uses the same database. Callers wait (in FIFO order within a process, one
 * database poll at a time) for up to `maxWaitMs`, then get RateLimitTimeoutError with nothing sent.
 *
 * To keep the database off the hot path, the limiter keeps one spare lease ready after each use
 * (`prefetch`): the next call takes it at once. Database work that the caller need not wait for (the
 * refill, handing time back) is deferred with setImmediate, so it runs after the caller's own
 * continuation (parsing the answer) rather than in the middle of it — with PGlite, queries run on the
 * same thread. An unused spare is handed back when its lease runs out.
 */
export type RateLimiterOptions = {
  db: Db | (() => Promise<Db>);
  key: string;
  limit: number;
  windowMs: number;
  /** Longest a caller waits for a slot. Default 5 s. */
  maxWaitMs?: number;
  /** How long a holder has to start sending after the grant (and a spare stays usable). Default 500 ms. */
  leaseMs?: number;
  /** The longest one upstream request may take (its HTTP timeout); unanswered requests hold this long. */
  requestTimeoutMs?: number;
  /** Slack added after each answer (clock granularity, jitter). Default 50 ms. */
  marginMs?: number;
  /** Keep one spare lease ready. Default true. */
  prefetch?: boolean;
  /** Failures of background writes (handing time back); they only cost capacity, never correctness. */
  onBackgroundError?: (error: unknown) => void;
};

export class RateLimitTimeoutError extends Error {
  constructor(
    readonly key: string,
    readonly waitedMs: number,
  ) {
    super(`No ${key} slot within ${Math.round(waitedMs)} ms`);
    this.name = "RateLimitTimeoutError";
  }
}

export interface RateLimiter {
  acquire(): Promise<Lease>;
  /** Hands back the spare lease and waits for pending writes (tests, shutdown). */
  dispose(): Promise<void>;
}

type Waiter = { resolve: (lease: Lease) => void; reject: (error: unknown) => void; since: number };
type HeldLease = ReturnType<typeof createLease>;

/** Longest a waiting caller sleeps between polls: other processes hand time back without telling us. */
const MAX_POLL_MS = 50;
/** Spare leases with less time than this left are not worth handing out. */
const MIN_SPARE_MS = 25;

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { key, limit, windowMs } = options;
  const maxWaitMs = options.maxWaitMs ?? 5_000;
  const leaseMs = options.leaseMs ?? 500;
  const cooldownMs = windowMs + (options.marginMs ?? 50);
  const holdMs = cooldownMs + leaseMs + (options.requestTimeoutMs ?? 15_000);
  const prefetch = options.prefetch ?? true;
  const report = options.onBackgroundError ?? (() => {});
  const waiters: Waiter[] = [];
  const pending = new Set<Promise<unknown>>();
  const spare = createSpare(MIN_SPARE_MS);
  const sleeper = createNap();
  let wantSpare = false;
  let pumping: Promise<void> | null = null;
  let disposed = false;
  let slotsReady = false;

  const getDb = typeof options.db === "function" ? options.db : async () => options.db as Db;
  const later = () => new Promise<void>((resolve) => setImmediate(resolve));
  const track = (work: Promise<unknown>) => {
    const p = work.catch(report).finally(() => pending.delete(p));
    pending.add(p);
  };
  // A slot handed back in this process wakes our own waiting callers at once.
  const giveBack = (grant: Parameters<typeof shortenGrant>[2], ms: number) =>
    track(
      later()
        .then(getDb)
        .then((db) => shortenGrant(db, key, grant, ms))
        .then(sleeper.wake),
    );
  const refillSpare = () => {
    if (!prefetch || disposed) return;
    setImmediate(() => {
      wantSpare = true;
      pump();
    });
  };

  /** One database round trip: a fresh lease, or how long until a slot frees up. */
  async function attempt(): Promise<{ lease: HeldLease } | { waitMs: number }> {
    const db = await getDb();
    if (!slotsReady) {
      await ensureSlots(db, key, limit);
      slotsReady = true;
    }
    const requestedAt = performance.now();
    const result = await takeSlot(db, key, limit, holdMs);
    if (result.granted) {
      return {
        lease: createLease({
          grant: result.grant,
          requestedAt,
          leaseMs,
          holdMs,
          cooldownMs,
          giveBack,
          onUsed: refillSpare,
        }),
      };
    }
    if (result.missingSlots) slotsReady = false;
    return { waitMs: result.waitMs };
  }

  /** To the longest-waiting caller, else kept as the spare (released once disposed). */
  function handOut(lease: HeldLease) {
    const waiter = waiters.shift();
    if (waiter) waiter.resolve(lease);
    else if (disposed) lease.release();
    else spare.keep(lease);
  }

  function dropTimedOut() {
    const now = performance.now();
    while (waiters[0] && now - waiters[0].since > maxWaitMs) {
      const waiter = waiters.shift() as Waiter;
      waiter.reject(new RateLimitTimeoutError(key, now - waiter.since));
    }
  }

  function pump(): void {
    if (pumping) return;
    pumping = run().finally(() => {
      pumping = null;
      if (waiters.length > 0) pump();
    });
  }

  async function run(): Promise<void> {
    try {
      while (waiters.length > 0 || wantSpare) {
        dropTimedOut();
        const head = waiters[0];
        if (!head) {
          // Refill the spare only from a slot that is free right now; never wait for one.
          wantSpare = false;
          if (!spare.has()) {
            const result = await attempt();
            if ("lease" in result) handOut(result.lease);
          }
          continue;
        }
        const ready = spare.take();
        const result = ready ? { lease: ready } : await attempt();
        if ("lease" in result) {
          handOut(result.lease);
          continue;
        }
        const untilGiveUp = maxWaitMs - (performance.now() - head.since);
        const pause = Math.min(result.waitMs + Math.random() * 5, MAX_POLL_MS, untilGiveUp + 1);
        await sleeper.nap(Math.max(1, pause));
      }
    } catch (error) {
      // The database is unreachable: nobody can be granted a slot, so nobody waits.
      for (const waiter of waiters.splice(0)) waiter.reject(error);
    }
  }

  return {
    acquire() {
      const since = performance.now();
      return new Promise<Lease>((resolve, reject) => {
        waiters.push({ resolve, reject, since });
        pump();
      }).then((lease) => {
        recordLimiterWait(performance.now() - since);
        return lease;
      });
    },
    async dispose() {
      disposed = true;
      wantSpare = false;
      await pumping;
      spare.take()?.release();
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
