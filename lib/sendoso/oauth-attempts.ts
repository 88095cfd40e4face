import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { sendosoOauthAttempts } from "@/lib/db/schema";

/** PKCE S256 (RFC 7636): a 43-character verifier and its challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

/** Records a connect attempt (its state nonce and PKCE verifier); expired ones are swept meanwhile. */
export async function beginOAuthAttempt(
  db: Db,
  input: { nonce: string; userId: string; verifier: string; expiresAt: Date },
): Promise<void> {
  await db.delete(sendosoOauthAttempts).where(lt(sendosoOauthAttempts.expiresAt, new Date()));
  await db.insert(sendosoOauthAttempts).values({
    nonce: input.nonce,
    userId: input.userId,
    codeVerifier: input.verifier,
    expiresAt: input.expiresAt,
  });
}

/**
 * Uses up the attempt behind a callback's state: its verifier, or null when it was used already, has
 * expired or is someone else's. One statement, so two callbacks racing with one state get one verifier.
 */
export async function claimOAuthAttempt(
  db: Db,
  input: { nonce: string; userId: string },
  now = new Date(),
): Promise<string | null> {
  const [row] = await db
    .delete(sendosoOauthAttempts)
    .where(
      and(
        eq(sendosoOauthAttempts.nonce, input.nonce),
        eq(sendosoOauthAttempts.userId, input.userId),
        gt(sendosoOauthAttempts.expiresAt, now),
      ),
    )
    .returning({ verifier: sendosoOauthAttempts.codeVerifier });
  return row?.verifier ?? null;
}
