// `npm run tokens:reencrypt`: re-encrypts every stored Sendoso token with TOKEN_ENCRYPTION_KEY, so a key
// in TOKEN_ENCRYPTION_PREVIOUS_KEYS can then be dropped (docs/deploy.md, key rotation). Run it with the
// app's own configuration (same DATABASE_URL and keys); it is safe beside running instances and safe to
// repeat. Prints the counts, and the key id now in use.
import { createTokenCipher } from "@/lib/crypto/token-cipher";
import { openDatabase } from "@/lib/db/client";
import { getConfig } from "@/lib/env";
import { reencryptTokens } from "@/lib/sendoso/reencrypt-tokens";

async function main() {
  const config = getConfig();
  const cipher = createTokenCipher(config.tokenEncryptionKey, config.previousTokenEncryptionKeys);
  // Never migrates here: that is `npm run db:migrate`'s job, as the owner role.
  const handle = await openDatabase(config.database, { migrate: config.database.kind === "pglite" });
  try {
    const counts = await reencryptTokens(handle.db, cipher);
    console.log(
      `tokens:reencrypt: ${counts.reencrypted} of ${counts.connections} connection(s) re-encrypted with key ${cipher.currentKeyId}; ${counts.alreadyCurrent} already on it`,
    );
  } finally {
    await handle.close();
  }
}

main().catch((error) => {
  console.error(`tokens:reencrypt failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
