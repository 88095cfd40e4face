import { asc, eq, gt } from "drizzle-orm";
import type { TokenCipher } from "@/lib/crypto/token-cipher";
import type { Db } from "@/lib/db/client";
import { sendosoConnections } from "@/lib/db/schema";
import { tokenAad } from "./connections";

export type ReencryptCounts = { connections: number; reencrypted: number; alreadyCurrent: number };

/**
 * Rewrites every stored Sendoso token with the current key (`npm run tokens:reencrypt`), so a key listed
 * in TOKEN_ENCRYPTION_PREVIOUS_KEYS can be dropped afterwards. Each row is re-read under `FOR UPDATE` in
 * its own transaction, the lock token refreshes take (connection-lock.ts), so a refresh racing this run
 * is never overwritten with a stale token. Safe to run again; rows already on the current key are left.
 * A row whose key is gone fails the run with the key id (fix the configuration, then run again).
 */
export async function reencryptTokens(db: Db, cipher: TokenCipher, batch = 100): Promise<ReencryptCounts> {
  const counts: ReencryptCounts = { connections: 0, reencrypted: 0, alreadyCurrent: 0 };
  let after = "";
  for (;;) {
    const ids = await db
      .select({ id: sendosoConnections.id })
      .from(sendosoConnections)
      .where(after ? gt(sendosoConnections.id, after) : undefined)
      .orderBy(asc(sendosoConnections.id))
      .limit(batch);
    if (ids.length === 0) return counts;
    for (const { id } of ids) {
      counts.connections += 1;
      counts[(await reencryptOne(db, cipher, id)) ? "reencrypted" : "alreadyCurrent"] += 1;
    }
    after = ids[ids.length - 1]?.id ?? after;
  }
}

async function reencryptOne(db: Db, cipher: TokenCipher, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(sendosoConnections)
      .where(eq(sendosoConnections.id, id))
      .for("update");
    if (!row) return false; // disconnected meanwhile
    const stale = (value: string | null) => value !== null && cipher.needsReencryption(value);
    if (!stale(row.accessTokenCiphertext) && !stale(row.refreshTokenCiphertext)) return false;
    const rewrap = (value: string, column: "access_token" | "refresh_token") =>
      cipher.encrypt(cipher.decrypt(value, tokenAad(id, column)), tokenAad(id, column));
    await tx
      .update(sendosoConnections)
      .set({
        accessTokenCiphertext: rewrap(row.accessTokenCiphertext, "access_token"),
        refreshTokenCiphertext: row.refreshTokenCiphertext
          ? rewrap(row.refreshTokenCiphertext, "refresh_token")
          : null,
      })
      .where(eq(sendosoConnections.id, id));
    return true;
  });
}
