import { decode } from "next-auth/jwt";
import { RENEW_AFTER_S, sessionCookieOptions, withinAbsoluteLifetime } from "./session-policy";

/**
 * What Gift Desk reads from a session: who, and when they signed in (sessionRefusal ends a session
 * without a sign-in time).
 */
export type SessionClaims = { uid: string; signedInAt?: number };

/** Auth.js's session cookie name for this app URL: `__Host-` prefixed on HTTPS (session-policy.ts). */
export function sessionCookieName(appUrl: string): string {
  return sessionCookieOptions(appUrl)?.sessionToken.name ?? "authjs.session-token";
}

/**
 * The claims of a session token issued less than RENEW_AFTER_S ago and within its absolute lifetime;
 * null for anything else (older, from the future, without a user), which then goes through Auth.js,
 * which re-issues (renews) the cookie. Skipping Auth.js for a fresh token saves an encrypt and a
 * Set-Cookie on every action and page without changing who is let in: the token is still decrypted and
 * checked here, and the user row is still read and checked by the caller.
 */
export function freshClaims(token: Record<string, unknown> | null, now = Date.now()): SessionClaims | null {
  if (!token) return null;
  const { uid, signedInAt, iat } = token;
  if (typeof uid !== "string" || typeof iat !== "number" || typeof signedInAt !== "number") return null;
  const ageS = now / 1000 - iat;
  // A token "from the future" beyond Auth.js's own 15 s clock tolerance is not trusted as fresh.
  if (ageS < -15 || ageS >= RENEW_AFTER_S) return null;
  if (!withinAbsoluteLifetime(signedInAt, now)) return null;
  return { uid, signedInAt };
}

/**
 * Decrypts a session cookie value the way Auth.js does (JWE, key derived from the secret and the cookie
 * name as salt; `exp` checked) and keeps it only when fresh. A value that does not decrypt is null.
 */
export async function freshClaimsFromCookie(
  value: string | undefined,
  secret: string | string[],
  cookieName: string,
  now = Date.now(),
): Promise<SessionClaims | null> {
  if (!value) return null;
  const token = await decode({ token: value, secret, salt: cookieName }).catch(() => null);
  return freshClaims(token as Record<string, unknown> | null, now);
}
