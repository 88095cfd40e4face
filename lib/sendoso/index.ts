import "server-only";
import { createTokenCipher } from "@/lib/crypto/token-cipher";
import { getDb } from "@/lib/db";
import { getConfig } from "@/lib/env";
import { createRateLimiter, type RateLimiter } from "@/lib/rate-limit";
import { createSendosoClient, type SendosoClient } from "./client";
import {
  type ConnectDeps,
  completeConnect,
  openAnyConnection,
  openConnectionFor,
  startConnect,
} from "./connect";
import { type ConnectionInfo, connectionsFor, disconnectConnection, toInfo } from "./connections";
import type { ConnectPurpose } from "./oauth-state";
import type { Touch } from "./schemas";
import type { SendosoMe } from "./schemas-account";

/** The app's wiring of lib/sendoso: configuration, the database, one outbound limiter per process. */
const globalForSendoso = globalThis as unknown as {
  giftDeskSendoso?: SendosoClient;
  giftDeskSendosoLimiter?: RateLimiter;
  giftDeskTouches?: Map<string, { at: number; touches: Promise<Touch[]> }>;
  giftDeskSandboxUserId?: Promise<number>;
};

const TOUCH_CACHE_MS = 60_000;

/** Sendoso throttles per OAuth client: one key for every connection of this app. */
function outboundLimiter(): RateLimiter {
  if (!globalForSendoso.giftDeskSendosoLimiter) {
    const { sendoso } = getConfig();
    globalForSendoso.giftDeskSendosoLimiter = createRateLimiter({
      db: getDb,
      key: `sendoso:${sendoso.clientId}`,
      limit: sendoso.rateLimitPerSecond,
      windowMs: 1_000,
      maxWaitMs: 5_000,
      // A request that gets no answer keeps its slot this long (plus a window): it may still arrive.
      requestTimeoutMs: sendoso.timeoutMs,
      onBackgroundError: (error) =>
        console.warn("sendoso rate limiter: could not hand a slot back", (error as Error).message),
    });
  }
  return globalForSendoso.giftDeskSendosoLimiter;
}

async function connectDeps(): Promise<ConnectDeps> {
  const config = getConfig();
  const { sendoso } = config;
  return {
    db: await getDb(),
    cipher: createTokenCipher(config.tokenEncryptionKey, config.previousTokenEncryptionKeys),
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

/**
 * The client on the shared sandbox token (SENDOSO_SANDBOX_TOKEN), for paths not yet moved to
 * per-user connections. Rate-limited like every other client.
 */
export function getSendosoClient(): SendosoClient {
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

/**
 * A client on the user's own Sendoso connection, else the shared org connection (`connection.shared`
 * says which, for "via shared account"). Build one per request: the row is read fresh each time.
 * Throws SendosoNotConnectedError or SendosoNeedsReconnectError before anything is sent.
 */
export async function getSendosoClientFor(
  userId: string,
): Promise<{ client: SendosoClient; connection: ConnectionInfo }> {
  const deps = await connectDeps();
  const { connection, tokens } = await openConnectionFor(deps, userId);
  const client = createSendosoClient({
    baseUrl: deps.oauth.baseUrl,
    timeoutMs: deps.oauth.timeoutMs,
    limiter: deps.oauth.limiter,
    tokens,
  });
  return { client, connection };
}

/**
 * A client for organisation-wide reads such as the send list (the reconciler): the shared org connection,
 * else any active rep connection, else, with the bundled simulator only, the sandbox token. Null when
 * nothing can read Sendoso.
 */
export async function getSendosoClientForSync(): Promise<{
  client: SendosoClient;
  via: "shared" | "rep" | "sandbox";
} | null> {
  const deps = await connectDeps();
  const opened = await openAnyConnection(deps);
  if (opened) {
    const client = createSendosoClient({
      baseUrl: deps.oauth.baseUrl,
      timeoutMs: deps.oauth.timeoutMs,
      limiter: deps.oauth.limiter,
      tokens: opened.tokens,
    });
    return { client, via: opened.connection.shared ? "shared" : "rep" };
  }
  return getConfig().sendoso.sandbox ? { client: getSendosoClient(), via: "sandbox" } : null;
}

/**
 * The Sendoso user behind the sandbox token (sends made without a connection went out as this user), or
 * null outside the simulator. Asked once per process.
 */
export async function getSandboxSendosoUserId(): Promise<number | null> {
  if (!getConfig().sendoso.sandbox) return null;
  if (!globalForSendoso.giftDeskSandboxUserId) {
    const asking = getSendosoClient()
      .me()
      .then((me) => me.id);
    globalForSendoso.giftDeskSandboxUserId = asking;
    asking.catch(() => {
      if (globalForSendoso.giftDeskSandboxUserId === asking)
        globalForSendoso.giftDeskSandboxUserId = undefined;
    });
  }
  return globalForSendoso.giftDeskSandboxUserId;
}

/**
 * For the header: which connection the user's sends go through, and that Sendoso account as `/me`
 * reports it (name, balance). Null when neither the user nor the org is connected; a connection that
 * needs reconnecting is returned with `account: null` so the header can say "Reconnect Sendoso".
 */
export async function getSendosoAccountFor(
  userId: string,
): Promise<{ connection: ConnectionInfo; account: SendosoMe | null } | null> {
  const { own, shared } = await getSendosoConnections(userId);
  const connection = own ?? shared;
  if (!connection) return null;
  if (connection.status === "needs_reconnect") return { connection, account: null };
  const { client } = await getSendosoClientFor(userId);
  return { connection, account: await client.me() };
}

/** The user's own connection and the shared one (no tokens), for the header and settings. */
export async function getSendosoConnections(
  userId: string,
): Promise<{ own: ConnectionInfo | null; shared: ConnectionInfo | null }> {
  const { own, shared } = await connectionsFor(await getDb(), userId);
  return { own: own && toInfo(own), shared: shared && toInfo(shared) };
}

/** The Sendoso authorize URL for "Connect Sendoso" (`shared`: an admin connecting the org account). */
export async function getSendosoConnectUrl(userId: string, purpose: ConnectPurpose = "own"): Promise<string> {
  return startConnect(await connectDeps(), userId, purpose);
}

/** The OAuth callback's work; see completeConnect. */
export async function finishSendosoConnect(input: {
  userId: string;
  isAdmin: boolean;
  code: string;
  state: string;
  requestId?: string | null;
}): Promise<ConnectionInfo> {
  return completeConnect(await connectDeps(), input);
}

/**
 * Revokes and deletes a connection, audited as `by.userId`. The caller checks it is the user's own (or
 * an admin's shared).
 */
export async function disconnectSendoso(
  connectionId: string,
  by: { userId: string; requestId?: string | null },
): Promise<{ removed: boolean; revoked: boolean }> {
  return disconnectConnection(await connectDeps(), connectionId, by);
}

/**
 * Active touches, cached briefly in-process per connection: the list changes rarely and every send page
 * needs it. Without a user it reads through the shared sandbox token.
 */
export async function listActiveTouches(
  userId?: string,
  /** A client the caller already opened for this user: saves reading the connection again. */
  opened?: Awaited<ReturnType<typeof getSendosoClientFor>>,
): Promise<Touch[]> {
  const found = opened ?? (userId ? await getSendosoClientFor(userId) : null);
  const key = found?.connection.id ?? "sandbox-token";
  globalForSendoso.giftDeskTouches ??= new Map();
  const cache = globalForSendoso.giftDeskTouches;
  const cached = cache.get(key);
  if (cached && Date.now() - cached.at < TOUCH_CACHE_MS) return cached.touches;
  const touches = (found?.client ?? getSendosoClient()).listTouches();
  cache.set(key, { at: Date.now(), touches });
  touches.catch(() => {
    if (cache.get(key)?.touches === touches) cache.delete(key);
  });
  return touches;
}

export type { NotSentReason, SendBody, SendOutcome, SendosoClient } from "./client";
export type { ConnectionInfo } from "./connections";
export {
  SendosoBusyError,
  SendosoError,
  SendosoNeedsReconnectError,
  SendosoNotConnectedError,
} from "./errors";
export { SendosoOAuthError } from "./oauth";
export { OAuthStateError } from "./oauth-state";
export type { Touch } from "./schemas";
export type { SendosoMe } from "./schemas-account";
