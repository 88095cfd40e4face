/**
 * Session lifetimes (reliability-security.md A2): 8 hours without activity ends a session (the JWT's
 * maxAge, renewed at most every 15 minutes of activity), and 24 hours after sign-in it ends however
 * active it is, so a leaver disabled at the IdP loses access within a working day.
 */
export const IDLE_TIMEOUT_S = 8 * 60 * 60;
export const RENEW_AFTER_S = 15 * 60;
export const ABSOLUTE_TIMEOUT_MS = 24 * 60 * 60 * 1000;

export function withinAbsoluteLifetime(signedInAt: unknown, now = Date.now()): boolean {
  return typeof signedInAt === "number" && now - signedInAt <= ABSOLUTE_TIMEOUT_MS && signedInAt <= now;
}

/**
 * On HTTPS the session cookie is `__Host-` prefixed: Secure, Path=/, no Domain, so no sibling
 * subdomain can set or read it. On plain-http development it keeps Auth.js's default name.
 */
export function sessionCookieOptions(appUrl: string) {
  if (new URL(appUrl).protocol !== "https:") return undefined;
  return {
    sessionToken: {
      name: "__Host-authjs.session-token",
      options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure: true },
    },
  };
}
