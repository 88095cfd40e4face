import "server-only";
import { createTokenCipher, type TokenCipher } from "@/lib/crypto/token-cipher";
import { getDb } from "@/lib/db";
import { getConfig } from "@/lib/env";
import { log } from "@/lib/log";
import { createRateLimiter, type RateLimiter } from "@/lib/rate-limit";
import { createSendosoClient, type SendosoClient } from "./client";
import type { ConnectDeps } from "./connect";
import { createReadGuard, type ReadGuard } from "./read-guard";
import type { Touch } from "./schemas";

/** The app's wiring of lib/sendoso: configuration, the database, one outbound limiter per process. */
export const globalForSendoso = globalThis as unknown as {
  giftDeskSendoso?: SendosoClient;
  giftDeskSendosoLimiter?: RateLimiter;
  giftDeskTokenCipher?: TokenCipher;
  giftDeskTouches?: Map<string, { at: number; touches: Promise<Touch[]> }>;
  giftDeskSandboxUserId?: Promise<number>;
  giftDeskReadGuard?: ReadGuard;
};

/** The browser-triggered reads' cache and per-user limit (see read-guard.ts). */
export function sendosoReadGuard(): ReadGuard {
  globalForSendoso.giftDeskReadGuard ??= createReadGuard({
    db: getDb,
    cacheMs: READ_CACHE_MS,
    perUserPerMinute: () => getConfig().limits.sendosoReadsPerMinute,
  });
  return globalForSendoso.giftDeskReadGuard;
}

/** Short: a balance or a retired touch may be this stale in the header and the picker. */
const READ_CACHE_MS = 30_000;

/** Sendoso throttles per OAuth client: one key for every connection of this app. */
export function outboundLimiter(): RateLimiter {
  if (!globalForSendoso.giftDeskSendosoLimiter) {
    const { sendoso } = getConfig();
    globalForSendoso.giftDeskSendosoLimiter = createRateLimiter({
      db: getDb,
      key: `sendoso:${sendoso.clientId}`,
      limit: sendoso.rateLimitPerSecond,
      windowMs: 1_000,
      maxWaitMs: 5_000,
      // The send path takes its slot before the record transaction (so a crash while waiting leaves no
      // false "unknown"); the lease must outlive that transaction, including a wait for a pooled
      // connection. The hold already covers lease + request, so this costs capacity only for leases
      // never begun, which are handed back.
      leaseMs: 5_000,
      // A request that gets no answer keeps its slot this long (plus a window): it may still arrive.
      requestTimeoutMs: sendoso.timeoutMs,
      onBackgroundError: (error) =>
        log.warn({ err: error }, "sendoso rate limiter: could not hand a slot back"),
    });
  }
  return globalForSendoso.giftDeskSendosoLimiter;
}

/** Called on every send: the keys are parsed once per process, like the config they come from. */
export async function connectDeps(): Promise<ConnectDeps> {
  const config = getConfig();
  const { sendoso } = config;
  globalForSendoso.giftDeskTokenCipher ??= createTokenCipher(
    config.tokenEncryptionKey,
    config.previousTokenEncryptionKeys,
  );
  return {
    db: await getDb(),
    cipher: globalForSendoso.giftDeskTokenCipher,
    stateSecret: config.auth.secret,
    oauth: {
      baseUrl: sendoso.baseUrl,
      clientId: sendoso.clientId,
      clientSecret: sendoso.clientSecret,
      redirectUri: sendoso.redirectUri,
      timeoutMs: sendoso.timeoutMs,
      limiter: outboundLimiter(),
    },
  };
}

/** The sandbox token is the simulator's: against a real Sendoso it would only earn 401s (issue 16). */
export class SandboxTokenRefusedError extends Error {
  constructor() {
    super("The shared sandbox token works only with the bundled Sendoso simulator; use a connection.");
    this.name = "SandboxTokenRefusedError";
  }
}

/**
 * The client on the shared sandbox token (SENDOSO_SANDBOX_TOKEN), for the bundled simulator only:
 * outside the sandbox it throws SandboxTokenRefusedError before any call. Rate-limited like every
 * other client.
 */
export function getSendosoClient(): SendosoClient {
  if (!getConfig().sendoso.sandbox) throw new SandboxTokenRefusedError();
  if (!globalForSendoso.giftDeskSendoso) {
    const { sendoso } = getConfig();
    globalForSendoso.giftDeskSendoso = createSendosoClient({
      baseUrl: sendoso.baseUrl,
      getAccessToken: async () => sendoso.sandboxToken,
      timeoutMs: sendoso.timeoutMs,
      limiter: outboundLimiter(),
    });
  }
  return globalForSendoso.giftDeskSendoso;
}
