import { type Lease, RateLimitTimeoutError, type SlotKind } from "@/lib/rate-limit";
import { SendosoBusyError } from "./errors";
import { type Exchange, type ExchangeRequest, exchange } from "./transport";

/** Anything that hands out rate-limit leases (lib/rate-limit's limiter, or a fixed lease). */
export type SlotSource = { acquire(kind?: SlotKind): Promise<Lease> };

/** Leases that run out before we get to send (a stalled event loop) are handed back and retaken. */
const MAX_LEASE_TRIES = 3;

/**
 * Waits for `work` but no longer than `signal` allows. A result that arrives after we stopped waiting
 * is handed to `late` (a lease is released, so it does not hold a slot for nothing).
 */
export function untilAborted<T>(
  work: Promise<T>,
  signal: AbortSignal | undefined,
  late: (value: T) => void = () => {},
): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) {
    work.then(late, () => {});
    return Promise.reject(new SendosoBusyError());
  }
  return new Promise<T>((resolve, reject) => {
    let waiting = true;
    const onAbort = () => {
      waiting = false;
      reject(new SendosoBusyError());
    };
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        if (waiting) resolve(value);
        else late(value);
      },
      (error) => {
        signal.removeEventListener("abort", onAbort);
        if (waiting) reject(error);
      },
    );
  });
}

/**
 * A lease that is ready to send on, waiting at most until `signal` aborts. Throws SendosoBusyError
 * (nothing sent) when no slot comes within the limiter's bound or the deadline.
 */
export async function begunLease(
  limiter: SlotSource,
  kind: SlotKind,
  signal?: AbortSignal,
  first?: Lease,
): Promise<Lease> {
  if (first?.begin()) return first;
  for (let i = 0; i < MAX_LEASE_TRIES; i++) {
    let lease: Lease;
    try {
      lease = await untilAborted(limiter.acquire(kind), signal, (late) => late.release());
    } catch (error) {
      if (error instanceof RateLimitTimeoutError) throw new SendosoBusyError();
      throw error;
    }
    if (lease.begin()) return lease;
  }
  throw new SendosoBusyError();
}

/** A slot taken ahead of the request (before the send row goes in_flight), not yet begun. */
export async function takeLease(limiter: SlotSource, signal?: AbortSignal): Promise<Lease> {
  try {
    return await untilAborted(limiter.acquire("send"), signal, (late) => late.release());
  } catch (error) {
    if (error instanceof RateLimitTimeoutError) throw new SendosoBusyError();
    throw error;
  }
}

/**
 * One HTTP exchange that first takes a slot from the shared limiter (or begins `lease`, taken
 * earlier), so every upstream call counts against Sendoso's 10 requests/second per OAuth client.
 * Throws SendosoBusyError (nothing sent) when no slot comes within the limiter's bound. Reads (`kind`
 * "read") get only their share of the slots, so they can never starve a send.
 */
export async function limitedExchange(
  limiter: SlotSource | undefined,
  request: ExchangeRequest,
  kind: SlotKind = "send",
  lease?: Lease,
): Promise<Exchange> {
  const held = limiter ? await begunLease(limiter, kind, request.signal, lease) : null;
  const result = await exchange(request);
  held?.end(result.kind === "response" ? "answered" : result.kind === "not_sent" ? "not_sent" : "unanswered");
  return result;
}
