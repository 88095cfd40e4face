import { errorKindForStatus, fieldFromMessage, SendosoError } from "./errors";
import type { AddressCollectionBody } from "./request-body";
import { backoffMs, retryAfterMs, sleep } from "./retry";
import { errorBodySchema, parseJson, sendAcceptedSchema, type Touch, touchPageSchema } from "./schemas";
import { type Exchange, exchange } from "./transport";

/** What became of one POST /api/v3/send, as far as we can prove it. */
export type SendOutcome =
  | { kind: "accepted"; trackingCode: string; trackingUrl: string | null }
  | { kind: "rejected"; status: number; message: string; field: string | null }
  | { kind: "not_sent"; message: string }
  | { kind: "unknown"; detail: string };

export type SendosoClientOptions = {
  baseUrl: string;
  getAccessToken: () => Promise<string>;
  timeoutMs: number;
};

const MAX_ATTEMPTS = 3;

export function createSendosoClient(options: SendosoClientOptions) {
  async function call(method: "GET" | "POST", path: string, body?: unknown): Promise<Exchange> {
    const token = await options.getAccessToken();
    return exchange({
      url: new URL(path, options.baseUrl).toString(),
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: "application/json",
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      timeoutMs: options.timeoutMs,
    });
  }

  /** GETs are safe to repeat: retry transport failures, 5xx and 429 with capped, jittered backoff. */
  async function getJson(path: string): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      const result = await call("GET", path);
      const last = attempt + 1 >= MAX_ATTEMPTS;
      if (result.kind !== "response") {
        if (last) throw new SendosoError("network", `Could not reach Sendoso (${result.detail})`);
      } else if (result.status >= 200 && result.status < 300) {
        return parseJson(result.text);
      } else if (result.status !== 429 && result.status < 500) {
        const parsed = errorBodySchema.safeParse(parseJson(result.text));
        const message = parsed.success && parsed.data.message ? parsed.data.message : `HTTP ${result.status}`;
        throw new SendosoError(errorKindForStatus(result.status), message, result.status);
      } else if (last) {
        throw new SendosoError(
          errorKindForStatus(result.status),
          `Sendoso answered ${result.status}`,
          result.status,
        );
      }
      await sleep(
        result.kind === "response" && result.status === 429
          ? retryAfterMs(result.headers)
          : backoffMs(attempt),
      );
    }
  }

  /**
   * POST /send is never repeated once Sendoso may have seen it: only a request that provably never left,
   * or a 429 (throttled before processing), is tried again. Everything ambiguous is "unknown".
   */
  async function createSend(body: AddressCollectionBody): Promise<SendOutcome> {
    for (let attempt = 0; ; attempt++) {
      const result = await call("POST", "/api/v3/send", body);
      const last = attempt + 1 >= MAX_ATTEMPTS;
      if (result.kind === "lost") return { kind: "unknown", detail: result.detail };
      if (result.kind === "not_sent") {
        if (last) return { kind: "not_sent", message: "Sendoso could not be reached. Nothing was sent." };
        await sleep(backoffMs(attempt));
        continue;
      }
      if (result.status === 429) {
        if (last)
          return { kind: "not_sent", message: "Sendoso is busy. Nothing was sent; try again in a minute." };
        await sleep(retryAfterMs(result.headers));
        continue;
      }
      return interpretSendResponse(result.status, result.text);
    }
  }

  async function listTouches(): Promise<Touch[]> {
    const touches: Touch[] = [];
    for (let page = 1; page <= 100; page++) {
      const parsed = touchPageSchema.safeParse(await getJson(`/api/v3/touches?page=${page}&per_page=100`));
      if (!parsed.success) throw new SendosoError("malformed", "Sendoso sent a touch list we could not read");
      touches.push(...parsed.data.touches);
      if (parsed.data.touches.length === 0 || touches.length >= parsed.data.total_posts) break;
    }
    return touches;
  }

  return { createSend, listTouches };
}

export type SendosoClient = ReturnType<typeof createSendosoClient>;

export function interpretSendResponse(status: number, text: string): SendOutcome {
  if (status >= 200 && status < 300) {
    const accepted = sendAcceptedSchema.safeParse(parseJson(text));
    if (!accepted.success) return { kind: "unknown", detail: `malformed ${status} response` };
    return {
      kind: "accepted",
      trackingCode: accepted.data.tracking_code,
      trackingUrl: accepted.data.tracking_url ?? null,
    };
  }
  if (status >= 500) return { kind: "unknown", detail: `HTTP ${status}` };
  const parsed = errorBodySchema.safeParse(parseJson(text));
  const message =
    parsed.success && parsed.data.message ? parsed.data.message : `Sendoso refused the send (HTTP ${status})`;
  if (status === 401)
    return { kind: "not_sent", message: `Sendoso did not accept our credentials: ${message}` };
  return { kind: "rejected", status, message, field: fieldFromMessage(message) };
}
