import "server-only";
import type { User } from "@/lib/db/schema";
import { guardedRoute, type UserRouteOptions } from "./route-guard";
import { currentUser } from "./session";

export type { UserRouteOptions };

/**
 * Every route handler a signed-in user calls goes through here (the counterpart of defineAction):
 * session → permission → handler, which gets the user and the route's own arguments. Scope checks on
 * the data stay in the handler's queries, which take the user.
 */
export function userRoute<Args extends unknown[]>(
  options: UserRouteOptions,
  handler: (user: User, ...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
  return guardedRoute(options, handler, currentUser);
}
