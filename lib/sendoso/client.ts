import { log } from "@/lib/log";
import type { Lease } from "@/lib/rate-limit";
import {
  fieldFromMessage,
  SendosoBusyError,
  SendosoNeedsReconnectError,
  SendosoNotConnectedError,
} from "./errors";
import { createHttp, MAX_ATTEMPTS, type TokenSource } from "./http";
import { type SlotSource, takeLease } from "./limited-exchange";
import { createReads } from "./reads";
import type { AddressCollectionBody } from "./request-body";
import type { EgiftBody } from "./request-body-egift";
import type { KnownAddressBody } from "./request-body-known-address";
import { backoffMs, retryAfterMs, sleep } from "./retry";
import { errorBodySchema, parseJson, safeTrackingUrl, sendAcceptedSchema } from "./schemas";

/** Why nothing was sent, when we know: the UI words each differently ("Reconnect Sendoso", "try later"). */
export type NotSentReason =
  | "unreachable"
  | "busy"
  | "rate_limited"
  | "unauthorized"
  | "needs_reconnect"
  | "not_connected"
  | "error";

/** What became of one POST /api/v3/send, as far as we can prove it. */
export type SendOutcome =
  | { kind: "accepted"; trackingCode: string; trackingUrl: string | null }
  | { kind: "rejected"; status: number; message: string; field: string | null }
  | { kind: "not_sent"; message: string; reason?: NotSentReason }
  | { kind: "unknown"; detail: string };

/** A token and a slot held for one POST (prepareSend), with the send's deadline. */
export type PreparedSend = { token: string; lease: Lease | undefined; signal: AbortSignal; endsAt: number };

/**
 * One send's whole deadline (token refresh, slot wait, POST, any re-POST): room for one wait or
 * refresh plus a POST of `timeoutMs`. The sweeper waits longer than this (lib/jobs/runs.ts).
 */
export const sendDeadlineMs = (timeoutMs: number) => 2 * timeoutMs;

/** The three documented shapes of POST /api/v3/send (shared/sendoso-api.md §2.1–2.3). */
export type SendBody = AddressCollectionBody | KnownAddressBody | EgiftBody;

export type SendosoClientOptions = {
  baseUrl: string;
  timeoutMs: number;
  /** The shared outbound limiter; every upstream call takes a slot first. */
  limiter?: SlotSource;
} & ({ getAccessToken: () => Promise<string> } | { tokens: TokenSource });

export function createSendosoClient(options: SendosoClientOptions) {
  const tokens = "tokens" in options ? options.tokens : { getAccessToken: options.getAccessToken };
  const http = createHttp({
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    tokens,
    limiter: options.limiter,
  });

  /**
   * The token and a rate-limit slot for one POST, taken before the send row goes `in_flight`, so a
   * crash or a wait here leaves no false `unknown`. `signal` is the send's one deadline: it bounds this
   * and the POST (and any re-POST). On failure nothing was sent and the outcome says why.
   */
  async function prepareSend(): Promise<
    { ok: true; prepared: PreparedSend } | { ok: false; outcome: SendOutcome }
  > {
    const deadlineMs = sendDeadlineMs(options.timeoutMs);
    const endsAt = performance.now() + deadlineMs;
    const signal = AbortSignal.timeout(deadlineMs);
    try {
      const token = await http.token(signal);
      const lease = options.limiter ? await takeLease(options.limiter, signal) : undefined;
      return { ok: true, prepared: { token, lease, signal, endsAt } };
    } catch (error) {
      return { ok: false, outcome: notSentBefore(error) };
    }
  }

  /**
   * POST /send is never repeated once Sendoso may have seen it. It is tried again only when the request
   * provably never left, after a 429 (throttled before processing), or once after a 401 when a refreshed
   * token exists (Sendoso said "expired", or another caller had already rotated ours). Everything
   * ambiguous is "unknown"; anything that stops us before the request leaves is "not_sent".
   */
  async function createSend(body: SendBody, prepared?: PreparedSend): Promise<SendOutcome> {
    let ready = prepared;
    if (!ready) {
      const made = await prepareSend();
      if (!made.ok) return made.outcome;
      ready = made.prepared;
    }
    const { signal } = ready;
    let token: string | undefined = ready.token;
    let lease = ready.lease;
    let reauthorized = false;
    for (let tries = 1; ; tries++) {
      let attempt: Awaited<ReturnType<typeof http.attempt>>;
      try {
        attempt = await http.attempt("POST", "/api/v3/send", body, token, { signal, lease });
      } catch (error) {
        return notSentBefore(error);
      } finally {
        // A prepared slot serves the first attempt only; any re-POST takes its own.
        lease = undefined;
      }
      const { exchange: result } = attempt;
      const last = tries >= MAX_ATTEMPTS;
      if (result.kind === "lost") return { kind: "unknown", detail: result.detail };
      if (result.kind === "not_sent") {
        if (signal.aborted)
          return {
            kind: "not_sent",
            message: "Gift Desk ran out of time before it could send this. Nothing was sent; try again.",
            reason: "busy",
          };
        if (last)
          return {
            kind: "not_sent",
            message: "Sendoso could not be reached. Nothing was sent.",
            reason: "unreachable",
          };
        await sleep(backoffMs(tries - 1));
        continue;
      }
      if (result.status === 429) {
        const wait = retryAfterMs(result.headers);
        // A wait that would outlast the deadline cannot end in a POST: give up now, nothing sent.
        if (last || performance.now() + wait >= ready.endsAt)
          return {
            kind: "not_sent",
            message: "Sendoso is busy. Nothing was sent; try again in a minute.",
            reason: "rate_limited",
          };
        await sleep(wait);
        continue;
      }
      if (result.status === 401 && !reauthorized) {
        let retry: Awaited<ReturnType<typeof http.afterUnauthorized>>;
        try {
          retry = await http.afterUnauthorized(attempt.token, result.text, signal);
        } catch (error) {
          return notSentBefore(error);
        }
        if (retry.fresh && (retry.expired || retry.fresh.how === "replaced")) {
          reauthorized = true;
          token = retry.fresh.token;
          tries--;
          continue;
        }
      }
      return interpretSendResponse(result.status, result.text);
    }
  }

  return { prepareSend, createSend, ...createReads(http) };
}

export type SendosoClient = ReturnType<typeof createSendosoClient>;

/** Something stopped us before the request was written: Sendoso saw nothing. */
function notSentBefore(error: unknown): SendOutcome {
  if (error instanceof SendosoBusyError) return { kind: "not_sent", message: error.message, reason: "busy" };
  if (error instanceof SendosoNeedsReconnectError)
    return { kind: "not_sent", message: error.message, reason: "needs_reconnect" };
  if (error instanceof SendosoNotConnectedError)
    return { kind: "not_sent", message: error.message, reason: "not_connected" };
  log.error(
    { errorName: error instanceof Error ? error.name : "error" },
    "Sendoso send stopped before the request left",
  );
  return {
    kind: "not_sent",
    message: "Gift Desk could not reach Sendoso just now. Nothing was sent.",
    reason: "error",
  };
}

/**
 * Only answers that say Sendoso did not act are refusals: 400, 403, 404 and 422 (401 and 429 are
 * handled before). Every other non-2xx (3xx, since redirects are never followed; 408; 409; 5xx; any
 * proxy's code) may come from a request Sendoso processed, so it is "unknown", never "failed".
 */
const DEFINITE_REFUSALS = new Set([400, 403, 404, 422]);

export function interpretSendResponse(status: number, text: string): SendOutcome {
  if (status >= 200 && status < 300) {
    const accepted = sendAcceptedSchema.safeParse(parseJson(text));
    if (!accepted.success) return { kind: "unknown", detail: `malformed ${status} response` };
    return {
      kind: "accepted",
      trackingCode: accepted.data.tracking_code,
      trackingUrl: safeTrackingUrl(accepted.data.tracking_url),
    };
  }
  if (status !== 401 && !DEFINITE_REFUSALS.has(status)) return { kind: "unknown", detail: `HTTP ${status}` };
  const parsed = errorBodySchema.safeParse(parseJson(text));
  const message =
    parsed.success && parsed.data.message ? parsed.data.message : `Sendoso refused the send (HTTP ${status})`;
  if (status === 401)
    return {
      kind: "not_sent",
      message: `Sendoso did not accept our credentials: ${message}`,
      reason: "unauthorized",
    };
  return { kind: "rejected", status, message, field: fieldFromMessage(message) };
}
