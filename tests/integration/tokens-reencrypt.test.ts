import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTokenCipher, TokenCipherError } from "@/lib/crypto/token-cipher";
import type { DatabaseHandle } from "@/lib/db/client";
import { sendosoConnections } from "@/lib/db/schema";
import { tokenAad } from "@/lib/sendoso/connections";
import { reencryptTokens } from "@/lib/sendoso/reencrypt-tokens";
import { backends } from "../support/databases";
import { makeUser } from "../support/users";

const newKey = () => randomBytes(32).toString("base64");

describe.each(backends)("tokens:reencrypt on $name", (backend) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(() => database?.close());

  /** A connection row whose tokens were sealed with `key`, as an earlier release stored them. */
  async function storedConnection(key: string, n: number, refresh = true) {
    const user = await makeUser(database.db, `reencrypt-${n}-${randomUUID().slice(0, 6)}`, "rep", "a");
    const id = randomUUID();
    const old = createTokenCipher(key);
    await database.db.insert(sendosoConnections).values({
      id,
      userId: user.id,
      sendosoUserId: n,
      sendosoEmail: `s${n}@example.com`,
      sendosoName: `S ${n}`,
      accessTokenCiphertext: old.encrypt(`access-${n}`, tokenAad(id, "access_token")),
      refreshTokenCiphertext: refresh ? old.encrypt(`refresh-${n}`, tokenAad(id, "refresh_token")) : null,
      accessExpiresAt: new Date(Date.now() + 3_600_000),
      scope: "public",
    });
    return id;
  }

  it("re-encrypts every token with the current key, after which the old key can be dropped", async () => {
    const [oldKey, currentKey] = [newKey(), newKey()];
    const ids = await Promise.all([1, 2, 3].map((n) => storedConnection(oldKey, n, n !== 2)));
    const rotated = createTokenCipher(currentKey, [oldKey]);

    // Batches of 2 so the keyset walk crosses a page boundary.
    expect(await reencryptTokens(database.db, rotated, 2)).toEqual({
      connections: 3,
      reencrypted: 3,
      alreadyCurrent: 0,
    });
    const currentOnly = createTokenCipher(currentKey);
    for (const [i, id] of ids.entries()) {
      const [row] = await database.db.select().from(sendosoConnections).where(eq(sendosoConnections.id, id));
      if (!row) throw new Error("row vanished");
      expect(currentOnly.decrypt(row.accessTokenCiphertext, tokenAad(id, "access_token"))).toBe(
        `access-${i + 1}`,
      );
      if (i === 1) expect(row.refreshTokenCiphertext).toBeNull();
      else
        expect(currentOnly.decrypt(row.refreshTokenCiphertext as string, tokenAad(id, "refresh_token"))).toBe(
          `refresh-${i + 1}`,
        );
      expect(rotated.needsReencryption(row.accessTokenCiphertext)).toBe(false);
    }
    // A second run finds nothing to do.
    expect(await reencryptTokens(database.db, rotated)).toMatchObject({ reencrypted: 0, alreadyCurrent: 3 });
    await database.db.delete(sendosoConnections);
  });

  it("stops, naming the key, when a token's key is not configured (nothing half-written)", async () => {
    const [lostKey, currentKey] = [newKey(), newKey()];
    const id = await storedConnection(lostKey, 9);
    const [before] = await database.db.select().from(sendosoConnections).where(eq(sendosoConnections.id, id));
    await expect(reencryptTokens(database.db, createTokenCipher(currentKey))).rejects.toThrow(
      TokenCipherError,
    );
    const [after] = await database.db.select().from(sendosoConnections).where(eq(sendosoConnections.id, id));
    expect(after?.accessTokenCiphertext).toBe(before?.accessTokenCiphertext);
    await database.db.delete(sendosoConnections);
  });
});
