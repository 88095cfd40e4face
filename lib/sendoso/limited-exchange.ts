import { type Lease, RateLimitTimeoutError, type SlotKind } from "@/lib/rate-limit";
import { SendosoBusyError } from "./errors";
import { type Exchange, type ExchangeRequest, exchange } from "./transport";

/** Anything that hands out rate-limit leases (lib/rate-limit's limiter, or a fixed lease). */
export type SlotSource = { acquire(kind?: SlotKind): Promise<Lease> };

/** Leases that run out before we get to send (a stalled event loop) are handed back and retaken. */
const MAX_LEASE_TRIES = 3;

async function begunLease(limiter: SlotSource, kind: SlotKind): Promise<Lease> {
  for (let i = 0; i < MAX_LEASE_TRIES; i++) {
    let lease: Lease;
    try {
      lease = await limiter.acquire(kind);
    } catch (error) {
      if (error instanceof RateLimitTimeoutError) throw new SendosoBusyError();
      throw error;
    }
    if (lease.begin()) return lease;
  }
  throw new SendosoBusyError();
}

/**
 * One HTTP exchange that first takes a slot from the shared limiter (ARCHITECTURE.md "The send path",
 * step 4), so every upstream call counts against Sendoso's 10 requests/second per OAuth client.
 * Throws SendosoBusyError (nothing sent) when no slot comes within the limiter's bound. Reads (`kind`
 * "read") get only their share of the slots, so they can never starve a send.
 */
export async function limitedExchange(
  limiter: SlotSource | undefined,
  request: ExchangeRequest,
  kind: SlotKind = "send",
): Promise<Exchange> {
  const lease = limiter ? await begunLease(limiter, kind) : null;
  const result = await exchange(request);
  lease?.end(
    result.kind === "response" ? "answered" : result.kind === "not_sent" ? "not_sent" : "unanswered",
  );
  return result;
}
