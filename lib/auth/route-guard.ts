import { NextResponse } from "next/server";
import type { User } from "@/lib/db/schema";
import { type Action, can } from "./permissions";

export type UserRouteOptions = {
  /** The permission the caller needs (lib/auth/permissions.ts); any signed-in user when absent. */
  permission?: Action;
  /** What a signed-in caller without it gets: 404 where the route's existence is not advertised. */
  refusal?: { status: 403 | 404; message: string };
  /** `formError` for routes whose client reads an ActionResult-shaped body (the bulk upload). */
  shape?: "error" | "formError";
};

function refuse(shape: UserRouteOptions["shape"], status: number, message: string): NextResponse {
  const body = shape === "formError" ? { ok: false, formError: message } : { error: message };
  return NextResponse.json(body, { status });
}

/**
 * session (from `lookup`) → permission → handler, which gets the user and the route's own arguments.
 * Route handlers use `userRoute` (lib/auth/route.ts), which reads the session; tests pass a lookup.
 */
export function guardedRoute<Args extends unknown[]>(
  options: UserRouteOptions,
  handler: (user: User, ...args: Args) => Promise<Response>,
  lookup: () => Promise<User | null>,
): (...args: Args) => Promise<Response> {
  return async (...args) => {
    const user = await lookup();
    if (!user) return refuse(options.shape, 401, "Sign in to continue.");
    if (options.permission && !can(user.role, options.permission)) {
      const refusal = options.refusal ?? { status: 403, message: "You do not have access to this." };
      return refuse(options.shape, refusal.status, refusal.message);
    }
    return handler(user, ...args);
  };
}
