import { createCipheriv, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTokenCipher, keyIdOf, parseTokenKey, TokenCipherError } from "@/lib/crypto/token-cipher";

const key = randomBytes(32).toString("base64");
const cipher = createTokenCipher(key);
const token = "pK3v9_access-token.with+odd/chars==";

/** Flips one bit of the base64url part `index` (2 = iv, 3 = tag, 4 = ciphertext; 1 is the key id). */
function tamper(ciphertext: string, index: number): string {
  const parts = ciphertext.split(".");
  const bytes = Buffer.from(parts[index] as string, "base64url");
  bytes[0] = (bytes[0] as number) ^ 0x01;
  parts[index] = bytes.toString("base64url");
  return parts.join(".");
}

describe("token cipher (AES-256-GCM, row-bound)", () => {
  it("round-trips a token under the same associated data", () => {
    const sealed = cipher.encrypt(token, "row-1:access_token");
    expect(cipher.decrypt(sealed, "row-1:access_token")).toBe(token);
  });

  it("writes a versioned format that never contains the plaintext", () => {
    const sealed = cipher.encrypt(token, "row-1");
    expect(sealed).toMatch(/^v2\.[A-Za-z0-9_-]{11}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(sealed.split(".")[1]).toBe(keyIdOf(parseTokenKey(key)));
    expect(sealed).not.toContain(token);
    expect(sealed).not.toContain(Buffer.from(token).toString("base64url"));
  });

  it("uses a fresh IV each time", () => {
    expect(cipher.encrypt(token, "row-1")).not.toBe(cipher.encrypt(token, "row-1"));
  });

  it.each([
    ["IV", 2],
    ["tag", 3],
    ["ciphertext", 4],
  ])("rejects a tampered %s", (_part, index) => {
    const sealed = cipher.encrypt(token, "row-1");
    expect(() => cipher.decrypt(tamper(sealed, index), "row-1")).toThrow(TokenCipherError);
  });

  it("rejects a ciphertext moved to another row (wrong associated data)", () => {
    const sealed = cipher.encrypt(token, "row-1:access_token");
    expect(() => cipher.decrypt(sealed, "row-2:access_token")).toThrow(TokenCipherError);
    expect(() => cipher.decrypt(sealed, "row-1:refresh_token")).toThrow(TokenCipherError);
  });

  it("rejects another key, an unknown version and a malformed value", () => {
    const sealed = cipher.encrypt(token, "row-1");
    const other = createTokenCipher(randomBytes(32).toString("base64"));
    expect(() => other.decrypt(sealed, "row-1")).toThrow(TokenCipherError);
    expect(() => cipher.decrypt(sealed.replace(/^v2/, "v3"), "row-1")).toThrow(TokenCipherError);
    expect(() => cipher.decrypt("not-a-ciphertext", "row-1")).toThrow(TokenCipherError);
    expect(() => cipher.decrypt(`${sealed}.extra`, "row-1")).toThrow(TokenCipherError);
  });

  it("after a key rotation, reads tokens sealed with a previous key and seals new ones with the current", () => {
    const oldKey = randomBytes(32).toString("base64");
    const sealedBefore = createTokenCipher(oldKey).encrypt(token, "row-1");
    const rotated = createTokenCipher(randomBytes(32).toString("base64"), [oldKey]);
    expect(rotated.decrypt(sealedBefore, "row-1")).toBe(token);
    const sealedAfter = rotated.encrypt(token, "row-1");
    expect(() => createTokenCipher(oldKey).decrypt(sealedAfter, "row-1")).toThrow(TokenCipherError);
    expect(() => rotated.decrypt(sealedBefore, "row-2")).toThrow(TokenCipherError);
  });

  it("reads the key-id-less v1 format written before key ids, with any configured key", () => {
    const oldKey = randomBytes(32);
    const iv = randomBytes(12);
    const legacy = createCipheriv("aes-256-gcm", oldKey, iv, { authTagLength: 16 });
    legacy.setAAD(Buffer.from("row-1"));
    const body = Buffer.concat([legacy.update(token, "utf8"), legacy.final()]);
    const v1 = ["v1", ...[iv, legacy.getAuthTag(), body].map((b) => b.toString("base64url"))].join(".");
    const rotated = createTokenCipher(key, [oldKey.toString("base64")]);
    expect(rotated.decrypt(v1, "row-1")).toBe(token);
    expect(rotated.needsReencryption(v1)).toBe(true);
  });

  it("names the missing key when a ciphertext's key is no longer configured", () => {
    const oldKey = randomBytes(32).toString("base64");
    const sealed = createTokenCipher(oldKey).encrypt(token, "row-1");
    const dropped = createTokenCipher(key);
    expect(() => dropped.decrypt(sealed, "row-1")).toThrow(
      `Token encrypted with key ${keyIdOf(parseTokenKey(oldKey))}`,
    );
  });

  it("tells which ciphertexts still need the re-encryption run", () => {
    const oldKey = randomBytes(32).toString("base64");
    const rotated = createTokenCipher(key, [oldKey]);
    expect(rotated.needsReencryption(createTokenCipher(oldKey).encrypt(token, "r"))).toBe(true);
    expect(rotated.needsReencryption(rotated.encrypt(token, "r"))).toBe(false);
    expect(rotated.currentKeyId).toBe(keyIdOf(parseTokenKey(key)));
  });

  it("insists on a 32-byte key", () => {
    expect(() => parseTokenKey(randomBytes(16).toString("base64"))).toThrow(TokenCipherError);
    expect(parseTokenKey(key)).toHaveLength(32);
  });
});
