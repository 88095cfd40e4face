import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/lib/db";
import type { User } from "@/lib/db/schema";
import { log } from "@/lib/log";
import { consume } from "@/lib/rate-limit";
import { isSameOriginRequest } from "@/lib/security/same-origin";
import type { ActionResult } from "./action-result";
import { type Action, can } from "./permissions";
import { requireUser } from "./session";

/** Who is calling: the session's user (else a redirect to sign-in) and the request's headers. */
export type ActionCaller = {
  user(): Promise<User>;
  headers(): Promise<Headers>;
};

/** The real caller of a server action: this request's session and headers. */
const requestCaller: ActionCaller = { user: requireUser, headers: () => headers() };

type ActionCore = {
  run(caller: ActionCaller, input: unknown): Promise<ActionResult<unknown>>;
  permission: Action;
  failureMessage: string;
  sameOriginOnly: boolean;
};
const cores = new WeakMap<object, ActionCore>();

/**
 * The checks and handler behind an action, for a given caller. Only for tests, which drive every
 * action as each role (tests/integration/fuzz-actions.test.ts); the app calls the action itself.
 */
export function actionCoreOf(action: object): ActionCore | undefined {
  return cores.get(action);
}

/**
 * Every server action goes through here, in this order: session → same origin → rate limit → parse →
 * permission → domain call. Actions are public POST endpoints, so nothing about the caller or the input
 * is trusted.
 */
export function defineAction<S extends z.ZodType, T>(
  options: {
    schema: S;
    permission: Action;
    failureMessage: string;
    /**
     * Refuse requests without a matching Origin (Next only refuses a mismatching one). On unless an
     * action says `false` (none does: every action changes something or reads a scope).
     */
    sameOriginOnly?: boolean;
    /** Per-user limit, shared by all instances; over it (or with the store down) nothing runs. */
    rateLimit?: () => { name: string; limit: number; windowMs: number };
  },
  handler: (user: User, input: z.output<S>) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  const run = async (caller: ActionCaller, input: unknown): Promise<ActionResult<T>> => {
    const user = await caller.user();
    if (options.sameOriginOnly !== false && !isSameOriginRequest(await caller.headers())) {
      return { ok: false, formError: "This request did not come from Gift Desk, so nothing was done." };
    }
    // Counted before parsing, so malformed floods are limited too; if the store is down, nothing runs.
    if (options.rateLimit) {
      const refusal = await rateLimitRefusal(options.rateLimit(), user.id).catch(
        () => "Gift Desk cannot check its limits right now. Nothing was done; try again in a minute.",
      );
      if (refusal) return { ok: false, formError: refusal };
    }
    const parsed = options.schema.safeParse(input);
    if (!parsed.success) {
      return {
        ok: false,
        formError: "Check the highlighted fields.",
        fieldErrors: z.flattenError(parsed.error).fieldErrors,
      };
    }
    if (!can(user.role, options.permission))
      return { ok: false, formError: "You do not have access to this." };
    try {
      return { ok: true, data: await handler(user, parsed.data) };
    } catch (error) {
      unstable_rethrow(error);
      log.error({ err: error, action: options.permission }, `action ${options.permission} failed`);
      return { ok: false, formError: options.failureMessage };
    }
  };
  const action = (input: unknown) => run(requestCaller, input);
  cores.set(action, {
    run,
    permission: options.permission,
    failureMessage: options.failureMessage,
    sameOriginOnly: options.sameOriginOnly ?? false,
  });
  return action;
}

async function rateLimitRefusal(
  limit: { name: string; limit: number; windowMs: number },
  userId: string,
): Promise<string | null> {
  const verdict = await consume(await getDb(), {
    key: `${limit.name}:${userId}`,
    limit: limit.limit,
    windowMs: limit.windowMs,
  });
  if (verdict.ok) return null;
  const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
  return `You are going faster than Gift Desk allows. Nothing was done; try again in ${seconds} s.`;
}
