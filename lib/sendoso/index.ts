import "server-only";
import { getDb } from "@/lib/db";
import type { SendosoClient } from "./client";
import {
  clientOnTokens,
  completeConnect,
  connectReturnPath,
  openConnectionFor,
  openRecordedConnection,
  startConnect,
} from "./connect";
import { type ConnectionInfo, connectionsFor, disconnectConnection, toInfo } from "./connections";
import type { ConnectPurpose } from "./oauth-state";
import type { Touch } from "./schemas";
import { connectDeps, getSendosoClient, globalForSendoso } from "./wiring";

export { ReadLimitedError } from "./read-guard";
/** The app's entry points into lib/sendoso; the wiring (config, database, limiter) is in ./wiring. */
export { getSandboxSendosoUserId, getSendosoClientForSync } from "./sync-client";
export { getSendosoClient, SandboxTokenRefusedError, sendosoReadGuard } from "./wiring";

const TOUCH_CACHE_MS = 60_000;

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
  return { client: clientOnTokens(deps, tokens), connection };
}

/**
 * A client on the connection a send was recorded on (approvals), or on the shared sandbox token when
 * the row has none. Throws SendosoConnectionGoneError or SendosoNeedsReconnectError before sending.
 */
export async function getSendosoClientForRecorded(
  connectionId: string | null,
  senderId: string,
): Promise<SendosoClient> {
  if (connectionId === null) return getSendosoClient();
  const deps = await connectDeps();
  const { tokens } = await openRecordedConnection(deps, connectionId, senderId);
  return clientOnTokens(deps, tokens);
}

/** The user's own connection and the shared one (no tokens), for the header and settings. */
export async function getSendosoConnections(
  userId: string,
): Promise<{ own: ConnectionInfo | null; shared: ConnectionInfo | null }> {
  const { own, shared } = await connectionsFor(await getDb(), userId);
  return { own: own && toInfo(own), shared: shared && toInfo(shared) };
}

/**
 * The Sendoso authorize URL for "Connect Sendoso" (`shared`: an admin connecting the org account);
 * the callback sends the user back to `returnTo`.
 */
export async function getSendosoConnectUrl(
  userId: string,
  purpose: ConnectPurpose = "own",
  returnTo?: string,
): Promise<string> {
  return startConnect(await connectDeps(), userId, purpose, returnTo);
}

/** The page the callback returns this user to (from the signed state), or null when it names none. */
export async function getConnectReturnPath(state: string, userId: string): Promise<string | null> {
  return connectReturnPath(await connectDeps(), state, userId);
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
 * The touches as an admin configuring them sees them: through their own Sendoso connection, else the
 * shared one (an admin need not have connected to set estimates or cards).
 */
export function listTouchesForAdmin(userId: string): Promise<Touch[]> {
  return listActiveTouches(userId).catch(() => listActiveTouches());
}

/**
 * Active touches, cached in-process per connection: the list changes rarely and every send needs it.
 * A list older than TOUCH_CACHE_MS is still returned at once and refreshed in the background (stale
 * while revalidate), so no send waits for Sendoso's touch list; only the first use waits. Without a
 * user it reads through the shared sandbox token.
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
  /** One read of Sendoso; a success becomes the cached list, a failure is never kept. */
  const load = () => {
    const touches = (found?.client ?? getSendosoClient()).listTouches();
    const entry = { at: Date.now(), touches };
    touches.then(
      () => cache.set(key, entry),
      () => {
        if (cache.get(key) === entry) cache.delete(key);
      },
    );
    return entry;
  };
  if (!cached) {
    // Concurrent first callers share this one read (the entry is cached while it is in the air).
    const entry = load();
    cache.set(key, entry);
    return entry.touches;
  }
  if (Date.now() - cached.at >= TOUCH_CACHE_MS) {
    // Mark it fresh now so concurrent callers start one refresh, not one each.
    cache.set(key, { at: Date.now(), touches: cached.touches });
    // A failed refresh keeps the list we have.
    load().touches.catch(() => {});
  }
  return cached.touches;
}

export type { NotSentReason, SendBody, SendOutcome, SendosoClient } from "./client";
export type { ConnectionInfo } from "./connections";
export {
  SendosoBusyError,
  SendosoConnectionGoneError,
  SendosoError,
  SendosoNeedsReconnectError,
  SendosoNotConnectedError,
} from "./errors";
export { SendosoOAuthError } from "./oauth";
export { OAuthStateError } from "./oauth-state";
export type { Touch } from "./schemas";
export { sendosoDisplayName } from "./schemas-account";
