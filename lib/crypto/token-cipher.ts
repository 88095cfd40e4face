import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Authenticated encryption for OAuth tokens at rest (reliability-security.md O-S3): AES-256-GCM with a
 * fresh 12-byte IV per encryption, and associated data that binds each ciphertext to the row (and column)
 * it belongs to, so a ciphertext copied into another row fails to decrypt instead of lending its token.
 *
 * Format: `v1.<iv>.<tag>.<ciphertext>`, each part base64url.
 *
 * Key rotation: encryption always uses the current key; decryption also accepts the previous keys
 * (GCM authentication tells a wrong key apart). Every token refresh writes with the current key, so old
 * ciphertexts fade out; once no row needs an old key it can be dropped from the list.
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

function decryptWith(key: Buffer, iv: Buffer, tag: Buffer, body: Buffer, aad: string): string | null {
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, "utf8"));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

export function createTokenCipher(
  base64Key: string,
  previousBase64Keys: readonly string[] = [],
): TokenCipher {
  const key = parseTokenKey(base64Key);
  const keys = [key, ...previousBase64Keys.map(parseTokenKey)];
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
      const body = Buffer.from(bodyText, "base64url");
      for (const candidate of keys) {
        const plaintext = decryptWith(candidate, iv, tag, body, aad);
        if (plaintext !== null) return plaintext;
      }
      // Never say which part failed: wrong key, wrong row and tampering look the same to a caller.
      throw new TokenCipherError("Token ciphertext failed authentication");
    },
  };
}
