import { eq } from "drizzle-orm";
import { type SendosoConnection, sendosoConnections } from "@/lib/db/schema";
import { withLockedConnection } from "./connection-lock";
import { type ConnectionDeps, encryptTokens, tokenAad } from "./connections";
import { SendosoError, SendosoNeedsReconnectError, SendosoNotConnectedError } from "./errors";
import type { TokenSource } from "./http";
import { refreshAccessToken, SendosoOAuthError } from "./oauth";

/** Refresh this long before the access token's end, so a call never starts on a dying token. */
export const REFRESH_EARLY_MS = 5 * 60_000;

export type FreshToken = { token: string; expiresAt: Date; how: "refreshed" | "replaced" };

const nearExpiry = (expiresAt: Date, now = Date.now()) => expiresAt.getTime() - now < REFRESH_EARLY_MS;

function usable(deps: ConnectionDeps, row: SendosoConnection | undefined) {
  if (!row) throw new SendosoNotConnectedError();
  if (row.status === "needs_reconnect") throw new SendosoNeedsReconnectError(row.userId === null);
  const token = deps.cipher.decrypt(row.accessTokenCiphertext, tokenAad(row.id, "access_token"));
  return { token, expiresAt: row.accessExpiresAt };
}

/**
 * A token other than `staleToken` that is good for a while: the one another caller already stored, or a
 * new one from Sendoso. Exactly one refresh per connection at a time (connection-lock.ts); after taking
 * the lock the row is read again, so the callers that queued behind a refresh reuse its result.
 * A refused refresh (invalid_grant) marks the connection needs_reconnect.
 */
export async function refreshConnectionToken(
  deps: ConnectionDeps,
  connectionId: string,
  staleToken: string,
): Promise<FreshToken> {
  // Cheap look first, no lock: usually someone has already refreshed.
  const [row] = await deps.db
    .select()
    .from(sendosoConnections)
    .where(eq(sendosoConnections.id, connectionId));
  const seen = usable(deps, row);
  if (seen.token !== staleToken && !nearExpiry(seen.expiresAt)) return { ...seen, how: "replaced" };

  const result = await withLockedConnection(deps, connectionId, async (tx, locked, oauth) => {
    const current = usable(deps, locked);
    if (current.token !== staleToken && !nearExpiry(current.expiresAt))
      return { ...current, how: "replaced" as const };
    const refreshToken = locked?.refreshTokenCiphertext
      ? deps.cipher.decrypt(locked.refreshTokenCiphertext, tokenAad(connectionId, "refresh_token"))
      : null;
    try {
      if (!refreshToken) throw new SendosoOAuthError("invalid_grant", "No refresh token stored");
      const tokens = await refreshAccessToken(oauth, refreshToken);
      await tx
        .update(sendosoConnections)
        .set({ ...encryptTokens(deps.cipher, connectionId, tokens), updatedAt: new Date() })
        .where(eq(sendosoConnections.id, connectionId));
      return { token: tokens.accessToken, expiresAt: tokens.expiresAt, how: "refreshed" as const };
    } catch (error) {
      if (!(error instanceof SendosoOAuthError) || error.kind !== "invalid_grant") throw error;
      // Commit the mark (then throw below): the grant is dead for every instance, not just this call.
      await tx
        .update(sendosoConnections)
        .set({ status: "needs_reconnect", updatedAt: new Date() })
        .where(eq(sendosoConnections.id, connectionId));
      return { dead: true as const, shared: locked?.userId === null };
    }
  });
  if ("dead" in result) throw new SendosoNeedsReconnectError(result.shared === true);
  return result;
}

/** OAuth failures as the client's typed errors (never carrying a token). */
function asSendosoError(error: unknown): unknown {
  if (!(error instanceof SendosoOAuthError)) return error;
  if (error.kind === "invalid_client") {
    return new SendosoError(
      "unauthorized",
      "Sendoso refused Gift Desk's OAuth client credentials",
      error.status,
    );
  }
  return new SendosoError(
    "server",
    "Sendoso could not refresh the connection just now; try again",
    error.status,
  );
}

/**
 * The bearer tokens of one connection row for one client: decrypted on first use, refreshed before
 * they expire and after a 401. Concurrent callers on this instance share one refresh.
 */
export function connectionTokenSource(deps: ConnectionDeps, row: SendosoConnection): TokenSource {
  let current: { token: string; expiresAt: Date } | null = null;
  let refreshing: Promise<FreshToken> | null = null;

  const refresh = (stale: string) => {
    refreshing ??= refreshConnectionToken(deps, row.id, stale).finally(() => {
      refreshing = null;
    });
    return refreshing.then((fresh) => {
      current = { token: fresh.token, expiresAt: fresh.expiresAt };
      return fresh;
    });
  };

  return {
    async getAccessToken() {
      current ??= usable(deps, row);
      if (!nearExpiry(current.expiresAt)) return current.token;
      try {
        return (await refresh(current.token)).token;
      } catch (error) {
        // A refresh that failed for a passing reason need not stop a token that still works.
        const stillValid = current.expiresAt.getTime() > Date.now() + 5_000;
        if (stillValid && error instanceof SendosoOAuthError && error.kind === "unavailable")
          return current.token;
        throw asSendosoError(error);
      }
    },
    async onUnauthorized(staleToken) {
      try {
        const fresh = await refresh(staleToken);
        return fresh.token === staleToken ? null : { token: fresh.token, how: fresh.how };
      } catch (error) {
        throw asSendosoError(error);
      }
    },
  };
}
