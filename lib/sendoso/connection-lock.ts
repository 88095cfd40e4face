import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type SendosoConnection, sendosoConnections } from "@/lib/db/schema";
import { type Lease, RateLimitTimeoutError } from "@/lib/rate-limit";
import { SendosoBusyError } from "./errors";
import type { OAuthConfig } from "./oauth";

/**
 * Exclusive access to one connection row while its tokens change (refresh, revoke), across processes
 * and within one: A9 in reliability-security.md — rotating refresh tokens are single-use, so two
 * refreshes racing would burn the grant.
 *
 * - Across processes: `SELECT … FOR UPDATE` inside a transaction (PostgreSQL row lock).
 * - Within a process: a promise chain per connection id first. PGlite has one connection, so a second
 *   transaction would queue behind the first anyway; the chain also keeps PostgreSQL pool connections
 *   from piling up on one row.
 * - The rate-limit slot for the upstream call is taken *before* the transaction: the limiter needs the
 *   database, and on PGlite the open transaction holds the only connection. If the slot's lease runs
 *   out while we wait for the row lock, the whole step is retried with a new slot.
 */
type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

const globalForLocks = globalThis as unknown as { giftDeskConnectionLocks?: Map<string, Promise<unknown>> };
globalForLocks.giftDeskConnectionLocks ??= new Map();
const chains = globalForLocks.giftDeskConnectionLocks;

export function withConnectionMutex<T>(connectionId: string, work: () => Promise<T>): Promise<T> {
  const previous = chains.get(connectionId) ?? Promise.resolve();
  const run = previous.then(work, work);
  const tail = run.then(
    () => {},
    () => {},
  );
  chains.set(connectionId, tail);
  void tail.then(() => {
    if (chains.get(connectionId) === tail) chains.delete(connectionId);
  });
  return run;
}

/** The pre-taken slot was already used (or ran out): the locked step must start over with a new one. */
export class LeaseSpent extends Error {}

/** A slot source that hands out one pre-taken lease, once. */
function oneLease(lease: Lease) {
  let given = false;
  return {
    acquire: async () => {
      if (given) throw new LeaseSpent();
      given = true;
      return lease;
    },
  };
}

async function takeLease(limiter: { acquire(): Promise<Lease> }): Promise<Lease> {
  try {
    return await limiter.acquire();
  } catch (error) {
    throw error instanceof RateLimitTimeoutError ? new SendosoBusyError() : error;
  }
}

export type LockedStep<T> = (tx: Tx, row: SendosoConnection | undefined, oauth: OAuthConfig) => Promise<T>;

export async function withLockedConnection<T>(
  deps: { db: Db; oauth: OAuthConfig },
  connectionId: string,
  step: LockedStep<T>,
): Promise<T> {
  return withConnectionMutex(connectionId, async () => {
    for (let tries = 1; ; tries++) {
      const lease = deps.oauth.limiter ? await takeLease(deps.oauth.limiter) : null;
      const oauth = lease ? { ...deps.oauth, limiter: oneLease(lease) } : deps.oauth;
      try {
        return await deps.db.transaction(async (tx) => {
          const [row] = await tx
            .select()
            .from(sendosoConnections)
            .where(eq(sendosoConnections.id, connectionId))
            .for("update");
          return step(tx, row, oauth);
        });
      } catch (error) {
        if (!(error instanceof LeaseSpent) || tries >= 3) throw error;
      } finally {
        // A no-op when the step used the lease; hands the slot back when it did not need one.
        lease?.release();
      }
    }
  });
}
