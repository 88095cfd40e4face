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
import { SendosoNeedsReconnectError, SendosoNotConnectedError } from "./errors";
import type { TokenSource } from "./http";
import { buildAuthorizeUrl, exchangeCode, type OAuthConfig } from "./oauth";
import { type ConnectPurpose, OAuthStateError, signOAuthState, verifyOAuthState } from "./oauth-state";
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
 * `returnTo` is the page to come back to, carried (signed) in the state.
 */
export function startConnect(
  deps: ConnectDeps,
  userId: string,
  purpose: ConnectPurpose = "own",
  returnTo?: string,
): string {
  return buildAuthorizeUrl(deps.oauth, signOAuthState(deps.stateSecret, { userId, purpose, returnTo }));
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
  const tokens = await exchangeCode(deps.oauth, input.code);
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
