import type { z } from "zod";
import type { Lease } from "@/lib/rate-limit";
import { errorKindForStatus, fieldFromMessage, SendosoError } from "./errors";
import { limitedExchange, type SlotSource, untilAborted } from "./limited-exchange";
import { backoffMs, retryAfterMs, sleep } from "./retry";
import { errorBodySchema, parseJson } from "./schemas";
import type { Exchange } from "./transport";

/** Where a client gets its bearer token, and a fresh one after a 401. */
export type TokenSource = {
  getAccessToken(): Promise<string>;
  /**
   * After a 401 on `staleToken`: a token to retry with, or null. "replaced" means another caller had
   * already refreshed (ours was out of date); "refreshed" means this call refreshed it.
   */
  onUnauthorized?(
    staleToken: string,
    info: { expired: boolean },
  ): Promise<{ token: string; how: "refreshed" | "replaced" } | null>;
};

export type HttpOptions = {
  baseUrl: string;
  tokens: TokenSource;
  timeoutMs: number;
  limiter?: SlotSource;
};

export type Attempt = { exchange: Exchange; token: string };

/** What one attempt may bring along: the send's deadline, and a slot taken before the row went in_flight. */
export type AttemptOptions = { signal?: AbortSignal; lease?: Lease };

/** Transient failures of a GET are retried this many times in all (429, 5xx, network). */
export const MAX_ATTEMPTS = 3;

export function createHttp(options: HttpOptions) {
  /** One attempt: token, then a rate-limit slot, then the request (the slot is held for the least time). */
  async function attempt(
    method: "GET" | "POST",
    path: string,
    body?: unknown,
    token?: string,
    extra: AttemptOptions = {},
  ) {
    const bearer = token ?? (await untilAborted(options.tokens.getAccessToken(), extra.signal));
    const result = await limitedExchange(
      options.limiter,
      {
        url: new URL(path, options.baseUrl).toString(),
        method,
        headers: {
          Authorization: `Bearer ${bearer}`,
          Accept: "application/json",
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        timeoutMs: options.timeoutMs,
        signal: extra.signal,
      },
      // GETs are reads: they take only the read share of the limiter (a POST is a send).
      method === "GET" ? "read" : "send",
      extra.lease,
    );
    return { exchange: result, token: bearer } satisfies Attempt;
  }

  /** A fresh token after a 401, or null when none can be had (no refresh, or refresh refused). */
  async function afterUnauthorized(staleToken: string, text: string, signal?: AbortSignal) {
    const parsed = errorBodySchema.safeParse(parseJson(text));
    const expired = parsed.success && (parsed.data.expired || /expired/i.test(parsed.data.message));
    const refreshing = options.tokens.onUnauthorized?.(staleToken, { expired });
    const fresh = refreshing ? await untilAborted(refreshing, signal) : null;
    return { fresh: fresh ?? null, expired };
  }

  /**
   * GETs are safe to repeat: transport failures (except timeouts), 5xx and 429 are retried with capped,
   * jittered backoff (429 waits for Retry-After), and a 401 is retried once with a refreshed token.
   */
  async function getJson<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>> {
    let token: string | undefined;
    let refreshed = false;
    for (let tries = 1; ; tries++) {
      const { exchange: result, token: used } = await attempt("GET", path, undefined, token);
      const last = tries >= MAX_ATTEMPTS;
      if (result.kind !== "response") {
        // A timeout already cost a whole timeout; trying again would double the wait for a slow Sendoso.
        if (last || result.detail === "timeout") throw transportError(result);
      } else if (result.status >= 200 && result.status < 300) {
        const parsed = schema.safeParse(parseJson(result.text));
        if (!parsed.success)
          throw new SendosoError("malformed", `Sendoso sent a ${path} answer we could not read`);
        return parsed.data;
      } else if (result.status === 401 && !refreshed) {
        const { fresh, expired } = await afterUnauthorized(used, result.text);
        if (!fresh) throw statusError(result.status, result.text, expired);
        refreshed = true;
        token = fresh.token;
        tries--;
        continue;
      } else if (result.status !== 429 && result.status < 500) {
        throw statusError(result.status, result.text);
      } else if (last) {
        throw statusError(result.status, result.text);
      }
      const wait =
        result.kind === "response" && result.status === 429
          ? retryAfterMs(result.headers)
          : backoffMs(tries - 1);
      await sleep(wait);
    }
  }

  /** The bearer token, ensured (refreshed when near expiry) before a send row goes in_flight. */
  const token = (signal?: AbortSignal) => untilAborted(options.tokens.getAccessToken(), signal);

  return {
    attempt,
    afterUnauthorized,
    getJson,
    token,
    limiter: options.limiter,
    timeoutMs: options.timeoutMs,
  };
}

export type Http = ReturnType<typeof createHttp>;

function transportError(result: Exclude<Exchange, { kind: "response" }>): SendosoError {
  return result.kind === "not_sent"
    ? new SendosoError("network", `Could not reach Sendoso (${result.detail})`)
    : new SendosoError("lost", `The connection to Sendoso was lost (${result.detail})`);
}

/** Sendoso's `{success:false, message}` (or a variant) as a typed error. */
export function statusError(status: number, text: string, expired = false): SendosoError {
  const parsed = errorBodySchema.safeParse(parseJson(text));
  const message =
    parsed.success && parsed.data.message ? parsed.data.message : `Sendoso answered HTTP ${status}`;
  return new SendosoError(errorKindForStatus(status), message, status, {
    field: status === 400 || status === 422 ? fieldFromMessage(message) : null,
    expired: expired || (parsed.success && parsed.data.expired),
  });
}
