import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * Authenticated encryption for OAuth tokens at rest (reliability-security.md O-S3): AES-256-GCM with a
 * fresh 12-byte IV per encryption, and associated data that binds each ciphertext to the row (and column)
 * it belongs to, so a ciphertext copied into another row fails to decrypt instead of lending its token.
 *
 * Format: `v2.<key id>.<iv>.<tag>.<ciphertext>`, each part base64url; the key id (keyIdOf) names the key
 * that encrypted it, so decryption picks that key and `npm run tokens:reencrypt` can tell which rows
 * still need an old one. `v1.<iv>.<tag>.<ciphertext>` (no key id, written before) is still read, by
 * trying each key (GCM authentication tells a wrong key apart).
 *
 * Key rotation: encryption always uses the current key; decryption also accepts the previous keys.
 * Every token refresh writes with the current key, and `npm run tokens:reencrypt` rewrites the rest at
 * once; after it, the old key can be dropped from TOKEN_ENCRYPTION_PREVIOUS_KEYS.
 */
const VERSION = "v2";
const LEGACY_VERSION = "v1";
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
  /** The id of the key new ciphertexts are written with. */
  currentKeyId: string;
  /** True when the ciphertext was not written with the current key (or predates key ids). */
  needsReencryption(ciphertext: string): boolean;
};

/**
 * A short public name for a key: the first 8 bytes of SHA-256 over it, base64url. It tells keys apart
 * and reveals nothing usable about a 32-byte random key.
 */
export function keyIdOf(key: Buffer): string {
  return createHash("sha256")
    .update("gift-desk token key id:")
    .update(key)
    .digest()
    .subarray(0, 8)
    .toString("base64url");
}

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

type Parsed = { keyId: string | null; iv: Buffer; tag: Buffer; body: Buffer };

function parseCiphertext(ciphertext: string): Parsed {
  const parts = ciphertext.split(".");
  const [version] = parts;
  const fields = version === VERSION ? parts.slice(2) : version === LEGACY_VERSION ? parts.slice(1) : null;
  const keyId = version === VERSION ? (parts[1] ?? "") : null;
  if (fields?.length !== 3 || keyId === "") {
    throw new TokenCipherError("Unrecognised token ciphertext format");
  }
  const [ivText, tagText, bodyText] = fields as [string, string, string];
  const iv = Buffer.from(ivText, "base64url");
  const tag = Buffer.from(tagText, "base64url");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new TokenCipherError("Unrecognised token ciphertext format");
  }
  return { keyId, iv, tag, body: Buffer.from(bodyText, "base64url") };
}

export function createTokenCipher(
  base64Key: string,
  previousBase64Keys: readonly string[] = [],
): TokenCipher {
  const key = parseTokenKey(base64Key);
  const keys = [key, ...previousBase64Keys.map(parseTokenKey)];
  const byId = new Map(keys.map((k) => [keyIdOf(k), k] as const));
  const currentKeyId = keyIdOf(key);
  return {
    currentKeyId,
    encrypt(plaintext, aad) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(aad, "utf8"));
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url"));
      return [VERSION, currentKeyId, ...parts].join(".");
    },
    decrypt(ciphertext, aad) {
      const { keyId, iv, tag, body } = parseCiphertext(ciphertext);
      if (keyId !== null && !byId.has(keyId)) {
        // Not secret: the id is in the stored value. It tells the operator which key went missing.
        throw new TokenCipherError(
          `Token encrypted with key ${keyId}, which is neither TOKEN_ENCRYPTION_KEY nor in TOKEN_ENCRYPTION_PREVIOUS_KEYS`,
        );
      }
      const candidates = keyId !== null ? [byId.get(keyId) as Buffer] : keys;
      for (const candidate of candidates) {
        const plaintext = decryptWith(candidate, iv, tag, body, aad);
        if (plaintext !== null) return plaintext;
      }
      // Never say which part failed: wrong key, wrong row and tampering look the same to a caller.
      throw new TokenCipherError("Token ciphertext failed authentication");
    },
    needsReencryption(ciphertext) {
      return parseCiphertext(ciphertext).keyId !== currentKeyId;
    },
  };
}
