import type { Db } from "@/lib/db/client";
import { recordLimiterWait } from "@/lib/telemetry/metrics";
import { createLease, type Lease } from "./lease";
import { defaultReadSlots, type SlotKind } from "./slot-kind";
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
  /**
   * Of the `limit` slots, how many `acquire("read")` may use (issue 16): the rest stay free for sends,
   * so no amount of reading can take the whole window from a send. Default: limit minus 30% (at least
   * one slot kept for sends when limit ≥ 2).
   */
  readSlots?: number;
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
  acquire(kind?: SlotKind): Promise<Lease>;
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
  const readSlots = Math.min(limit, Math.max(1, options.readSlots ?? defaultReadSlots(limit)));
  // Two queues: a send never waits behind a read of this process.
  const queues: Record<SlotKind, Waiter[]> = { send: [], read: [] };
  const waiting = () => queues.send.length + queues.read.length;
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
  async function attempt(kind: SlotKind): Promise<{ lease: HeldLease } | { waitMs: number }> {
    const db = await getDb();
    if (!slotsReady) {
      await ensureSlots(db, key, limit);
      slotsReady = true;
    }
    const requestedAt = performance.now();
    // Reads may only take the low slots; sends any slot.
    const result = await takeSlot(db, key, kind === "read" ? readSlots : limit, holdMs);
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
    if (result.missingSlots && kind === "send") slotsReady = false;
    return { waitMs: result.waitMs };
  }

  /**
   * To the longest-waiting caller of `queue`, else kept as the spare (released once disposed). A lease
   * from any slot may serve a send, so the spare only ever goes to sends.
   */
  function handOut(lease: HeldLease, queue: Waiter[] = queues.send) {
    const waiter = queue.shift();
    if (waiter) waiter.resolve(lease);
    else if (disposed) lease.release();
    else spare.keep(lease);
  }

  function dropTimedOut() {
    const now = performance.now();
    for (const queue of [queues.send, queues.read]) {
      while (queue[0] && now - queue[0].since > maxWaitMs) {
        const waiter = queue.shift() as Waiter;
        waiter.reject(new RateLimitTimeoutError(key, now - waiter.since));
      }
    }
  }

  function pump(): void {
    if (pumping) return;
    pumping = run().finally(() => {
      pumping = null;
      if (waiting() > 0) pump();
    });
  }

  async function run(): Promise<void> {
    try {
      while (waiting() > 0 || wantSpare) {
        dropTimedOut();
        const kind: SlotKind = queues.send.length > 0 ? "send" : "read";
        const head = queues[kind][0];
        if (!head) {
          // Refill the spare only from a slot that is free right now; never wait for one.
          wantSpare = false;
          if (!spare.has()) {
            const result = await attempt("send");
            if ("lease" in result) handOut(result.lease);
          }
          continue;
        }
        const ready = kind === "send" ? spare.take() : null;
        const result = ready ? { lease: ready } : await attempt(kind);
        if ("lease" in result) {
          handOut(result.lease, queues[kind]);
          continue;
        }
        const untilGiveUp = maxWaitMs - (performance.now() - head.since);
        const pause = Math.min(result.waitMs + Math.random() * 5, MAX_POLL_MS, untilGiveUp + 1);
        await sleeper.nap(Math.max(1, pause));
      }
    } catch (error) {
      // The database is unreachable: nobody can be granted a slot, so nobody waits.
      for (const waiter of [...queues.send.splice(0), ...queues.read.splice(0)]) waiter.reject(error);
    }
  }

  return {
    acquire(kind: SlotKind = "send") {
      const since = performance.now();
      return new Promise<Lease>((resolve, reject) => {
        queues[kind].push({ resolve, reject, since });
        // A send arriving while reads wait for a slot must not sleep out their poll.
        if (kind === "send") sleeper.wake();
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
