import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db";
import type { User } from "@/lib/db/schema";
import { getConfig } from "@/lib/env";
import { rememberLogUser } from "@/lib/log/context";
import { auth } from "./auth";
import { freshClaimsFromCookie, type SessionClaims, sessionCookieName } from "./session-claims";
import { type SessionRefusal, sessionRefusal } from "./session-validity";
import { findUserById } from "./users";

type SessionState = { user: User; refusal: null } | { user: null; refusal: SessionRefusal | null };

/**
 * Who the session cookie names. A token issued within the last RENEW_AFTER_S is decrypted here without
 * Auth.js re-issuing it (one encrypt and a Set-Cookie less per request); an older one goes through
 * auth(), which renews it, so an active session is extended at most every RENEW_AFTER_S.
 */
async function sessionClaims(): Promise<SessionClaims | null> {
  // cookies() first: it marks the page dynamic, so `next build` never prerenders one (and never needs
  // the runtime configuration read below).
  const jar = await cookies();
  const { auth: authConfig } = getConfig();
  const name = sessionCookieName(authConfig.url);
  const fresh = await freshClaimsFromCookie(jar.get(name)?.value, authConfig.secret, name);
  if (fresh) return fresh;
  const session = await auth();
  const uid = session?.user?.id;
  return uid ? { uid, signedInAt: session.signedInAt } : null;
}

/**
 * The signed-in user, read from the database once per request: role and team come from the row, so a
 * change made at the next sign-in (or by an admin) takes effect on the next request, and a suspended
 * user or a signed-out session is refused here, whatever the cookie says.
 */
const currentSession = cache(async (): Promise<SessionState> => {
  const claims = await sessionClaims();
  if (!claims) return { user: null, refusal: null };
  rememberLogUser(claims.uid);
  const user = await findUserById(await getDb(), claims.uid);
  if (!user) return { user: null, refusal: "SessionEnded" };
  const refusal = sessionRefusal(user, claims.signedInAt);
  return refusal ? { user: null, refusal } : { user, refusal: null };
});

export async function currentUser(): Promise<User | null> {
  return (await currentSession()).user;
}

/** For pages and actions: the user, or a redirect to sign-in (saying why when the session was ended). */
export async function requireUser(): Promise<User> {
  const { user, refusal } = await currentSession();
  if (!user) redirect(refusal ? `/signin?error=${refusal}` : "/signin");
  return user;
}
