import "server-only";
import { findUserById } from "@/lib/auth/users";
import { getDb } from "@/lib/db";
import { getConfig } from "@/lib/env";
import { log } from "@/lib/log";
import { createRateLimiter, type RateLimiter } from "@/lib/rate-limit";
import { SendosoNeedsReconnectError, SendosoNotConnectedError } from "@/lib/sendoso";
import { clientOnTokens, openConnectionFor } from "@/lib/sendoso/connect";
import { connectDeps } from "@/lib/sendoso/wiring";
import { batchesWithWork } from "./active-batches";
import { bulkSlots } from "./bulk-slots";
import { type BulkWorkerDeps, runBatch } from "./worker";

const globalForBulk = globalThis as unknown as {
  giftDeskBulkLimiter?: RateLimiter;
  giftDeskBulkRun?: Promise<unknown>;
};

/**
 * The bulk worker's view of the shared outbound limiter: the same key and slot table as every single
 * send (so together they never pass SENDOSO_RATE_LIMIT_PER_SECOND, across instances), but confined to
 * the first `bulkSlots(limit)` slots. The slots it never takes are kept for single sends: a rep pressing
 * Send during a 5,000-row batch still gets a slot within a second. Bulk rows may wait long for a slot.
 */
function bulkLimiter(): RateLimiter {
  if (!globalForBulk.giftDeskBulkLimiter) {
    const { sendoso } = getConfig();
    globalForBulk.giftDeskBulkLimiter = createRateLimiter({
      db: getDb,
      key: `sendoso:${sendoso.clientId}`,
      limit: bulkSlots(sendoso.rateLimitPerSecond),
      windowMs: 1_000,
      maxWaitMs: 120_000,
      requestTimeoutMs: sendoso.timeoutMs,
      onBackgroundError: (error) => log.warn({ err: error }, "bulk limiter: could not hand a slot back"),
    });
  }
  return globalForBulk.giftDeskBulkLimiter;
}

/** The rep's own Sendoso connection (or the shared one, as for a single send), on the bulk limiter. */
async function openSender(senderId: string): ReturnType<BulkWorkerDeps["openSender"]> {
  const config = getConfig();
  const deps = await connectDeps();
  const user = await findUserById(deps.db, senderId);
  if (!user) return { error: "The batch's rep no longer exists" };
  try {
    const { connection, tokens } = await openConnectionFor(deps, senderId);
    const client = clientOnTokens({ oauth: { ...deps.oauth, limiter: bulkLimiter() } }, tokens);
    return {
      deps: {
        db: deps.db,
        sendoso: client,
        viaFrom: config.sendoso.viaFrom,
        repeatWindowDays: config.repeatRecipientWindowDays,
        settleWaitMs: config.sendoso.timeoutMs + 5_000,
        currency: config.currency,
        teamlessSends: config.teamlessSends,
        teamGroupPrefix: config.auth.teamGroupPrefix,
        // No per-user send limit: the batch is paced by the bulk limiter and was approved as a whole.
      },
      sender: {
        id: user.id,
        email: user.email,
        team: user.team,
        connection: { id: connection.id, shared: connection.shared },
      },
    };
  } catch (error) {
    // Rows stay pending: the batch continues once the rep reconnects.
    if (error instanceof SendosoNotConnectedError || error instanceof SendosoNeedsReconnectError) {
      return { error: error.message };
    }
    throw error;
  }
}

/**
 * Works every batch that has work, each under its own lease (so any number of instances can call this
 * at once). One call at a time per process: a tick while a run is going joins it.
 */
export function runBulkJobs(): Promise<unknown> {
  globalForBulk.giftDeskBulkRun ??= (async () => {
    const db = await getDb();
    const { sendoso } = getConfig();
    const deps: BulkWorkerDeps = {
      db,
      openSender,
      concurrency: bulkSlots(sendoso.rateLimitPerSecond),
      leaseMs: 60_000,
    };
    const ids = await batchesWithWork(db);
    return Promise.all(
      ids.map((id) =>
        runBatch(deps, id).catch((error) => {
          log.error({ err: error, batchId: id }, `bulk batch ${id}: run failed`);
          return null;
        }),
      ),
    );
  })().finally(() => {
    globalForBulk.giftDeskBulkRun = undefined;
  });
  return globalForBulk.giftDeskBulkRun;
}
