import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db";
import type { User } from "@/lib/db/schema";
import { rememberLogUser } from "@/lib/log/context";
import { auth } from "./auth";
import { type SessionRefusal, sessionRefusal } from "./session-validity";
import { findUserById } from "./users";

type SessionState = { user: User; refusal: null } | { user: null; refusal: SessionRefusal | null };

/**
 * The signed-in user, read from the database once per request: role and team come from the row, so a
 * change made at the next sign-in (or by an admin) takes effect on the next request, and a suspended
 * user or a signed-out session is refused here, whatever the cookie says.
 */
const currentSession = cache(async (): Promise<SessionState> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return { user: null, refusal: null };
  rememberLogUser(id);
  const user = await findUserById(await getDb(), id);
  if (!user) return { user: null, refusal: "SessionEnded" };
  const refusal = sessionRefusal(user, session.signedInAt);
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
