import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db";
import type { User } from "@/lib/db/schema";
import { rememberLogUser } from "@/lib/log/context";
import { auth } from "./auth";
import { findUserById } from "./users";

/**
 * The signed-in user, read from the database once per request: role and team come from the row, so a
 * change made at the next sign-in (or by an admin) takes effect on the next request.
 */
export const currentUser = cache(async (): Promise<User | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  rememberLogUser(id);
  return findUserById(await getDb(), id);
});

/** For pages and actions: the user, or a redirect to sign-in. */
export async function requireUser(): Promise<User> {
  const user = await currentUser();
  if (!user) redirect("/signin");
  return user;
}
