import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { isReturnPath } from "@/lib/validation/return-path";

/**
 * The OAuth `state` parameter: a signed, expiring token bound to the Gift Desk user who started the
 * connection, so a callback carrying someone else's state (login CSRF: "connect the victim to the
 * attacker's Sendoso account") is refused. Format: `<payload>.<mac>`, both base64url; the MAC is
 * HMAC-SHA256 under a key derived from the app secret for this one purpose.
 */
export type ConnectPurpose = "own" | "shared";
export type OAuthStateClaims = {
  userId: string;
  purpose: ConnectPurpose;
  /** The Gift Desk page the user started from and returns to (a same-origin path). */
  returnTo?: string;
};
/** What a verified state carries besides its claims: the nonce of its one-time attempt (oauth-attempts.ts). */
export type VerifiedOAuthState = OAuthStateClaims & { nonce: string };

export const STATE_TTL_MS = 10 * 60_000;

function macKey(secret: string): Buffer {
  return createHmac("sha256", secret).update("gift-desk/sendoso-oauth-state/v1").digest();
}

function mac(secret: string, payload: string): Buffer {
  return createHmac("sha256", macKey(secret)).update(payload).digest();
}

export function signOAuthState(
  secret: string,
  claims: OAuthStateClaims,
  nowMs = Date.now(),
  nonce = randomBytes(12).toString("base64url"),
): string {
  const payload = Buffer.from(
    JSON.stringify({
      u: claims.userId,
      p: claims.purpose,
      // Signed with the rest, so the callback can trust it; checked again on the way out.
      ...(claims.returnTo && isReturnPath(claims.returnTo) ? { r: claims.returnTo } : {}),
      e: nowMs + STATE_TTL_MS,
      n: nonce,
    }),
  ).toString("base64url");
  return `${payload}.${mac(secret, payload).toString("base64url")}`;
}

export class OAuthStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OAuthStateError";
  }
}

/** The claims of a state this app issued to `expectedUserId` less than ten minutes ago; else throws. */
export function verifyOAuthState(
  secret: string,
  state: string,
  expectedUserId: string,
  nowMs = Date.now(),
): VerifiedOAuthState {
  const [payload, signature, ...rest] = state.split(".");
  if (!payload || !signature || rest.length > 0) throw new OAuthStateError("Malformed state");
  const given = Buffer.from(signature, "base64url");
  const expected = mac(secret, payload);
  // Compare in constant time; a length mismatch is already a mismatch (and leaks nothing secret).
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new OAuthStateError("State signature does not match");
  }
  let claims: { u?: unknown; p?: unknown; e?: unknown; n?: unknown; r?: unknown };
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    throw new OAuthStateError("Malformed state");
  }
  if (typeof claims.e !== "number" || claims.e < nowMs) throw new OAuthStateError("State has expired");
  if (claims.u !== expectedUserId) throw new OAuthStateError("State belongs to another user");
  if (claims.p !== "own" && claims.p !== "shared") throw new OAuthStateError("Malformed state");
  if (typeof claims.n !== "string" || claims.n.length === 0) throw new OAuthStateError("Malformed state");
  const returnTo = typeof claims.r === "string" && isReturnPath(claims.r) ? claims.r : undefined;
  return { userId: claims.u, purpose: claims.p, nonce: claims.n, ...(returnTo ? { returnTo } : {}) };
}
