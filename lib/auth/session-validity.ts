import type { User } from "@/lib/db/schema";

/** Why a session cookie that decrypted fine no longer counts; the sign-in page explains each. */
export type SessionRefusal = "Suspended" | "SessionEnded";

/**
 * Checked on the user row every request already reads (lib/auth/session.ts), so sign-out, "sign out
 * everywhere" and suspend end a JWT session at the next request without a session table. A session
 * signed in at or before `sessionsValidAfter` is over; `signedInAt` is the JWT's sign-in time (ms).
 */
export function sessionRefusal(
  user: Pick<User, "suspendedAt" | "sessionsValidAfter">,
  signedInAt: unknown,
): SessionRefusal | null {
  if (user.suspendedAt) return "Suspended";
  if (typeof signedInAt !== "number") return "SessionEnded";
  if (user.sessionsValidAfter && signedInAt <= user.sessionsValidAfter.getTime()) return "SessionEnded";
  return null;
}
