import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTokenCipher, parseTokenKey, TokenCipherError } from "@/lib/crypto/token-cipher";

const key = randomBytes(32).toString("base64");
const cipher = createTokenCipher(key);
const token = "pK3v9_access-token.with+odd/chars==";

/** Flips one bit of the base64url part `index` (1 = iv, 2 = tag, 3 = ciphertext). */
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
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(token);
    expect(sealed).not.toContain(Buffer.from(token).toString("base64url"));
  });

  it("uses a fresh IV each time", () => {
    expect(cipher.encrypt(token, "row-1")).not.toBe(cipher.encrypt(token, "row-1"));
  });

  it.each([
    ["IV", 1],
    ["tag", 2],
    ["ciphertext", 3],
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
    expect(() => cipher.decrypt(sealed.replace(/^v1/, "v2"), "row-1")).toThrow(TokenCipherError);
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

  it("insists on a 32-byte key", () => {
    expect(() => parseTokenKey(randomBytes(16).toString("base64"))).toThrow(TokenCipherError);
    expect(parseTokenKey(key)).toHaveLength(32);
  });
});
