import { randomBytes } from "node:crypto";
import { desc, eq, sql } from "drizzle-orm";
import { sendosoConnections } from "@/lib/db/schema";
import { createSendosoClient, type SendosoClient } from "./client";
import {
  type ConnectionDeps,
  type ConnectionInfo,
  connectionsFor,
  saveConnection,
  toInfo,
} from "./connections";
import { SendosoConnectionGoneError, SendosoNeedsReconnectError, SendosoNotConnectedError } from "./errors";

import type { TokenSource } from "./http";
import { buildAuthorizeUrl, exchangeCode, type OAuthConfig } from "./oauth";
import { beginOAuthAttempt, claimOAuthAttempt, pkcePair } from "./oauth-attempts";
import {
  type ConnectPurpose,
  OAuthStateError,
  STATE_TTL_MS,
  signOAuthState,
  verifyOAuthState,
} from "./oauth-state";
import { connectionTokenSource } from "./token-refresh";

/** The connect flow and connection lookup, as the route handlers and actions use them. */
export type ConnectDeps = ConnectionDeps & {
  /** Signs the OAuth `state` (the app secret, AUTH_SECRET). */
  stateSecret: string;
};

/** A client on a connection's tokens, with the app's base URL, timeout and shared limiter. */
export function clientOnTokens(deps: { oauth: OAuthConfig }, tokens: TokenSource): SendosoClient {
  const { baseUrl, timeoutMs, limiter } = deps.oauth;
  return createSendosoClient({ baseUrl, timeoutMs, limiter, tokens });
}

/**
 * Where "Connect Sendoso" sends the browser. `shared` is for an admin connecting the org account;
 * `returnTo` is the page to come back to, carried (signed) in the state. The attempt is recorded
 * (state nonce + PKCE verifier) so its callback works once (issue 16).
 */
export async function startConnect(
  deps: ConnectDeps,
  userId: string,
  purpose: ConnectPurpose = "own",
  returnTo?: string,
): Promise<string> {
  const now = Date.now();
  const nonce = randomBytes(16).toString("base64url");
  const { verifier, challenge } = pkcePair();
  await beginOAuthAttempt(deps.db, { nonce, userId, verifier, expiresAt: new Date(now + STATE_TTL_MS) });
  return buildAuthorizeUrl(
    deps.oauth,
    signOAuthState(deps.stateSecret, { userId, purpose, returnTo }, now, nonce),
    challenge,
  );
}

/** The page a connect flow started from, if `state` is this user's, still valid, and names one. */
export function connectReturnPath(deps: ConnectDeps, state: string, userId: string): string | null {
  try {
    return verifyOAuthState(deps.stateSecret, state, userId).returnTo ?? null;
  } catch {
    return null;
  }
}

/**
 * The OAuth callback: checks `state` against the signed-in user, trades the code for tokens, asks
 * `/me` whose account it is, and stores the connection. Throws OAuthStateError for a bad or foreign
 * state, SendosoOAuthError when Sendoso refuses the code.
 */
export async function completeConnect(
  deps: ConnectDeps,
  input: { userId: string; isAdmin: boolean; code: string; state: string; requestId?: string | null },
): Promise<ConnectionInfo> {
  const claims = verifyOAuthState(deps.stateSecret, input.state, input.userId);
  if (claims.purpose === "shared" && !input.isAdmin) {
    throw new OAuthStateError("Only an admin can connect the shared Sendoso account");
  }
  // Single use: a replayed (or raced) callback finds its attempt gone.
  const verifier = await claimOAuthAttempt(deps.db, { nonce: claims.nonce, userId: input.userId });
  if (!verifier) throw new OAuthStateError("This Sendoso link was already used or has expired");
  const tokens = await exchangeCode(deps.oauth, input.code, verifier);
  const account = await clientOnTokens(deps, { getAccessToken: async () => tokens.accessToken }).me();
  return saveConnection(deps, {
    userId: claims.purpose === "shared" ? null : input.userId,
    connectedBy: input.userId,
    tokens,
    account,
    requestId: input.requestId,
  });
}

/**
 * The connection a user's calls go through: their own, else the shared org connection. A broken own
 * connection blocks sending (it is not silently swapped for the shared one: sends would then be
 * attributed to another Sendoso user).
 */
export async function openConnectionFor(
  deps: ConnectionDeps,
  userId: string,
): Promise<{ connection: ConnectionInfo; tokens: TokenSource }> {
  const { own, shared } = await connectionsFor(deps.db, userId);
  const row = own ?? shared;
  if (!row) throw new SendosoNotConnectedError();
  if (row.status === "needs_reconnect") throw new SendosoNeedsReconnectError(row.userId === null);
  return { connection: toInfo(row), tokens: connectionTokenSource(deps, row) };
}

/**
 * The connection recorded on a send row (approvals send on it, not on the rep's current one). It must
 * still be the sender's own or the shared one, and active. Throws before anything is sent.
 */
export async function openRecordedConnection(
  deps: ConnectionDeps,
  connectionId: string,
  senderId: string,
): Promise<{ connection: ConnectionInfo; tokens: TokenSource }> {
  const [row] = await deps.db
    .select()
    .from(sendosoConnections)
    .where(eq(sendosoConnections.id, connectionId));
  if (!row || (row.userId !== null && row.userId !== senderId)) throw new SendosoConnectionGoneError();
  if (row.status === "needs_reconnect") throw new SendosoNeedsReconnectError(row.userId === null);
  return { connection: toInfo(row), tokens: connectionTokenSource(deps, row) };
}

/**
 * A working connection for organisation-wide reads (the send list, which any user's token sees whole):
 * the shared org connection first, else the most recently refreshed active rep connection. Null when
 * none is active.
 */
export async function openAnyConnection(
  deps: ConnectionDeps,
): Promise<{ connection: ConnectionInfo; tokens: TokenSource } | null> {
  const [row] = await deps.db
    .select()
    .from(sendosoConnections)
    .where(eq(sendosoConnections.status, "active"))
    .orderBy(desc(sql`(${sendosoConnections.userId} is null)`), desc(sendosoConnections.updatedAt))
    .limit(1);
  return row ? { connection: toInfo(row), tokens: connectionTokenSource(deps, row) } : null;
}
