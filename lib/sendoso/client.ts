import { log } from "@/lib/log";
import {
  fieldFromMessage,
  SendosoBusyError,
  SendosoNeedsReconnectError,
  SendosoNotConnectedError,
} from "./errors";
import { createHttp, MAX_ATTEMPTS, type TokenSource } from "./http";
import type { SlotSource } from "./limited-exchange";
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
   * POST /send is never repeated once Sendoso may have seen it. It is tried again only when the request
   * provably never left, after a 429 (throttled before processing), or once after a 401 when a refreshed
   * token exists (Sendoso said "expired", or another caller had already rotated ours). Everything
   * ambiguous is "unknown"; anything that stops us before the request leaves is "not_sent".
   */
  async function createSend(body: SendBody): Promise<SendOutcome> {
    let token: string | undefined;
    let reauthorized = false;
    for (let tries = 1; ; tries++) {
      let attempt: Awaited<ReturnType<typeof http.attempt>>;
      try {
        attempt = await http.attempt("POST", "/api/v3/send", body, token);
      } catch (error) {
        return notSentBefore(error);
      }
      const { exchange: result } = attempt;
      const last = tries >= MAX_ATTEMPTS;
      if (result.kind === "lost") return { kind: "unknown", detail: result.detail };
      if (result.kind === "not_sent") {
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
        if (last)
          return {
            kind: "not_sent",
            message: "Sendoso is busy. Nothing was sent; try again in a minute.",
            reason: "rate_limited",
          };
        await sleep(retryAfterMs(result.headers));
        continue;
      }
      if (result.status === 401 && !reauthorized) {
        let retry: Awaited<ReturnType<typeof http.afterUnauthorized>>;
        try {
          retry = await http.afterUnauthorized(attempt.token, result.text);
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

  return { createSend, ...createReads(http) };
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
  if (status >= 500) return { kind: "unknown", detail: `HTTP ${status}` };
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
