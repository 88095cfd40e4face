import "server-only";
import { getDb } from "@/lib/db";
import type { SendosoClient } from "./client";
import {
  clientOnTokens,
  completeConnect,
  connectReturnPath,
  openConnectionFor,
  startConnect,
} from "./connect";
import { type ConnectionInfo, connectionsFor, disconnectConnection, toInfo } from "./connections";
import type { ConnectPurpose } from "./oauth-state";
import type { Touch } from "./schemas";
import { connectDeps, getSendosoClient, globalForSendoso } from "./wiring";

/** The app's entry points into lib/sendoso; the wiring (config, database, limiter) is in ./wiring. */
export { getSandboxSendosoUserId, getSendosoClientForSync } from "./sync-client";
export { getSendosoClient } from "./wiring";

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
export { sendosoDisplayName } from "./schemas-account";
