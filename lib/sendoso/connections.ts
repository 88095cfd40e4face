import { randomUUID } from "node:crypto";
import { eq, isNull, or } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import type { TokenCipher } from "@/lib/crypto/token-cipher";
import type { Db } from "@/lib/db/client";
import { type SendosoConnection, sendosoConnections, users } from "@/lib/db/schema";
import { LeaseSpent, withLockedConnection } from "./connection-lock";
import { type OAuthConfig, revokeToken, type TokenSet } from "./oauth";
import { type SendosoMe, sendosoDisplayName } from "./schemas-account";

/**
 * Sendoso connections at rest: one per rep, plus the optional shared org connection (user_id null).
 * Tokens are encrypted with the row id (and column) as associated data, so a ciphertext copied to another
 * row or column does not decrypt. Plaintext tokens live only in memory, just before use.
 */
export type ConnectionDeps = { db: Db; cipher: TokenCipher; oauth: OAuthConfig };

export type ConnectionInfo = {
  id: string;
  /** null for the shared org connection. */
  userId: string | null;
  shared: boolean;
  sendosoUserId: number;
  sendosoEmail: string;
  sendosoName: string;
  scope: string;
  status: SendosoConnection["status"];
  accessExpiresAt: Date;
  connectedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export const tokenAad = (connectionId: string, column: "access_token" | "refresh_token") =>
  `sendoso_connections:${connectionId}:${column}`;

export function toInfo(row: SendosoConnection): ConnectionInfo {
  const { accessTokenCiphertext: _a, refreshTokenCiphertext: _r, ...rest } = row;
  return { ...rest, shared: row.userId === null };
}

/** The encrypted-token columns for a token set on row `id`. */
export function encryptTokens(cipher: TokenCipher, id: string, tokens: TokenSet) {
  return {
    accessTokenCiphertext: cipher.encrypt(tokens.accessToken, tokenAad(id, "access_token")),
    refreshTokenCiphertext: tokens.refreshToken
      ? cipher.encrypt(tokens.refreshToken, tokenAad(id, "refresh_token"))
      : null,
    accessExpiresAt: tokens.expiresAt,
    scope: tokens.scope,
  };
}

/** What the audit log keeps of a connection: whose it is and which Sendoso user, never a token. */
function auditView(row: SendosoConnection) {
  return {
    shared: row.userId === null,
    userId: row.userId,
    sendosoUserId: row.sendosoUserId,
    sendosoEmail: row.sendosoEmail,
    status: row.status,
  };
}

/** The acting user as the audit log names them (the email is read in the same transaction). */
async function auditActor(tx: Db, userId: string) {
  const [row] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return { id: userId, email: row?.email ?? "" };
}

const ownerIs = (userId: string | null) =>
  userId === null ? isNull(sendosoConnections.userId) : eq(sendosoConnections.userId, userId);

/**
 * Stores (or replaces) the connection of `userId` (null: the shared org connection) after the OAuth
 * callback. A replaced grant is revoked afterwards, best effort, so no orphaned token stays alive. The
 * audit entry (`sendoso_connection.connected`, with the replaced connection as `before`) commits with it.
 */
export async function saveConnection(
  deps: ConnectionDeps,
  input: {
    userId: string | null;
    connectedBy: string;
    tokens: TokenSet;
    account: SendosoMe;
    requestId?: string | null;
  },
): Promise<ConnectionInfo> {
  const { account } = input;
  const identity = {
    sendosoUserId: account.id,
    sendosoEmail: account.email,
    sendosoName: sendosoDisplayName(account),
  };
  const { row, previous } = await deps.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(sendosoConnections).where(ownerIs(input.userId)).for("update");
    const id = existing?.id ?? randomUUID();
    const values = {
      ...identity,
      ...encryptTokens(deps.cipher, id, input.tokens),
      status: "active" as const,
      connectedBy: input.connectedBy,
      updatedAt: new Date(),
    };
    const [saved] = existing
      ? await tx.update(sendosoConnections).set(values).where(eq(sendosoConnections.id, id)).returning()
      : await tx
          .insert(sendosoConnections)
          .values({ id, userId: input.userId, ...values })
          .returning();
    if (!saved) throw new Error("Sendoso connection was not saved");
    await recordAudit(tx, {
      actor: await auditActor(tx, input.connectedBy),
      action: "sendoso_connection.connected",
      target: { type: "sendoso_connection", id: saved.id },
      before: existing ? auditView(existing) : null,
      after: auditView(saved),
      requestId: input.requestId,
    });
    return { row: saved, previous: existing };
  });
  if (previous) await revokeStored(deps, previous).catch(() => false);
  return toInfo(row);
}

/** The user's own connection and the shared one, for the header and settings. */
export async function connectionsFor(
  db: Db,
  userId: string,
): Promise<{ own: SendosoConnection | null; shared: SendosoConnection | null }> {
  const rows = await db
    .select()
    .from(sendosoConnections)
    .where(or(eq(sendosoConnections.userId, userId), isNull(sendosoConnections.userId)));
  return {
    own: rows.find((r) => r.userId === userId) ?? null,
    shared: rows.find((r) => r.userId === null) ?? null,
  };
}

export async function markNeedsReconnect(db: Db, connectionId: string): Promise<void> {
  await db
    .update(sendosoConnections)
    .set({ status: "needs_reconnect", updatedAt: new Date() })
    .where(eq(sendosoConnections.id, connectionId));
}

/** Revokes a row's grant at Sendoso (the refresh token revokes the whole grant). True when it worked. */
async function revokeStored(
  deps: ConnectionDeps,
  row: SendosoConnection,
  oauth = deps.oauth,
): Promise<boolean> {
  try {
    const refresh = row.refreshTokenCiphertext
      ? deps.cipher.decrypt(row.refreshTokenCiphertext, tokenAad(row.id, "refresh_token"))
      : null;
    const token = refresh ?? deps.cipher.decrypt(row.accessTokenCiphertext, tokenAad(row.id, "access_token"));
    await revokeToken(oauth, token, refresh ? "refresh_token" : "access_token");
    return true;
  } catch (error) {
    if (error instanceof LeaseSpent) throw error;
    return false;
  }
}

/**
 * Disconnect: revoke at Sendoso, then delete the row (and its tokens), under the connection lock so a
 * refresh in flight cannot write a new grant back. The row is deleted even when Sendoso cannot be
 * reached; `revoked: false` tells the user to remove Gift Desk in Sendoso's settings too. The audit
 * entry (`sendoso_connection.disconnected`) commits with the delete.
 */
export async function disconnectConnection(
  deps: ConnectionDeps,
  connectionId: string,
  by: { userId: string; requestId?: string | null },
): Promise<{ removed: boolean; revoked: boolean }> {
  return withLockedConnection(deps, connectionId, async (tx, row, oauth) => {
    if (!row) return { removed: false, revoked: false };
    const revoked = await revokeStored(deps, row, oauth);
    await tx.delete(sendosoConnections).where(eq(sendosoConnections.id, connectionId));
    await recordAudit(tx, {
      actor: await auditActor(tx, by.userId),
      action: "sendoso_connection.disconnected",
      target: { type: "sendoso_connection", id: connectionId },
      before: auditView(row),
      after: { revokedAtSendoso: revoked },
      requestId: by.requestId,
    });
    return { removed: true, revoked };
  });
}
