import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Authenticated encryption for OAuth tokens at rest (reliability-security.md O-S3): AES-256-GCM with a
 * fresh 12-byte IV per encryption, and associated data that binds each ciphertext to the row (and column)
 * it belongs to, so a ciphertext copied into another row fails to decrypt instead of lending its token.
 *
 * Format: `v1.<iv>.<tag>.<ciphertext>`, each part base64url. The version prefix leaves room for a key
 * rotation scheme (a v2 naming its key) without guessing at old values.
 */
const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

export class TokenCipherError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TokenCipherError";
  }
}

export type TokenCipher = {
  encrypt(plaintext: string, aad: string): string;
  decrypt(ciphertext: string, aad: string): string;
};

/** Decodes a base64 (or base64url) key and insists on exactly 32 bytes. */
export function parseTokenKey(base64Key: string): Buffer {
  const key = Buffer.from(base64Key.trim(), "base64");
  if (key.length !== KEY_BYTES) {
    throw new TokenCipherError(`The token encryption key must be ${KEY_BYTES} bytes, base64-encoded`);
  }
  return key;
}

export function createTokenCipher(base64Key: string): TokenCipher {
  const key = parseTokenKey(base64Key);
  return {
    encrypt(plaintext, aad) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(aad, "utf8"));
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url"));
      return [VERSION, ...parts].join(".");
    },
    decrypt(ciphertext, aad) {
      const [version, ivText, tagText, bodyText, ...rest] = ciphertext.split(".");
      if (version !== VERSION || ivText === undefined || tagText === undefined || bodyText === undefined) {
        throw new TokenCipherError("Unrecognised token ciphertext format");
      }
      const iv = Buffer.from(ivText, "base64url");
      const tag = Buffer.from(tagText, "base64url");
      if (rest.length > 0 || iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
        throw new TokenCipherError("Unrecognised token ciphertext format");
      }
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(aad, "utf8"));
        decipher.setAuthTag(tag);
        const body = Buffer.from(bodyText, "base64url");
        return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
      } catch {
        // Never say which part failed: wrong key, wrong row and tampering look the same to a caller.
        throw new TokenCipherError("Token ciphertext failed authentication");
      }
    },
  };
}
