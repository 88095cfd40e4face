import { newMessageId, signWebhook } from "./webhook-signing";

/**
 * One HTTP attempt of a webhook, as Svix makes it: a JSON POST with `svix-id`, `svix-timestamp` and
 * `svix-signature`, a timeout, and any 2xx counted as success. Test variants deliberately break the
 * signing so the receiver's refusals can be exercised end to end.
 */
export const SIGNING_VARIANTS = [
  "valid",
  "bad_signature",
  "wrong_secret",
  "stale",
  "future",
  "unsigned",
] as const;
export type SigningVariant = (typeof SIGNING_VARIANTS)[number];

/** Far enough outside the 5-minute replay window that clock skew never rescues it. */
const SKEW_SECONDS = 600;

export interface AttemptInput {
  url: string;
  secret: string;
  messageId: string;
  body: string;
  timeoutMs: number;
  variant?: SigningVariant;
  /** Re-send these exact headers (a captured request replayed byte for byte). */
  reuseTimestampSeconds?: number;
  /** Aborts the attempt when the simulator closes. */
  signal?: AbortSignal;
}

export interface AttemptOutcome {
  /** Real time the attempt started (signatures use real time: the receiver checks its own clock). */
  at: string;
  timestampSeconds: number;
  status: number | null;
  /** The start of the receiver's answer, as Svix shows it in its portal. */
  response: string | null;
  error: string | null;
  durationMs: number;
}

export function attemptHeaders(input: AttemptInput, nowSeconds: number): Record<string, string> {
  const variant = input.variant ?? "valid";
  const offset = variant === "stale" ? -SKEW_SECONDS : variant === "future" ? SKEW_SECONDS : 0;
  const timestamp = input.reuseTimestampSeconds ?? nowSeconds + offset;
  const secret =
    variant === "wrong_secret" ? `whsec_${Buffer.from(newMessageId()).toString("base64")}` : input.secret;
  const signedBody = variant === "bad_signature" ? `${input.body} ` : input.body;
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "Svix-Webhooks/1.0 (sendoso-simulator)",
    "svix-id": input.messageId,
    "svix-timestamp": String(timestamp),
  };
  if (variant !== "unsigned")
    headers["svix-signature"] = signWebhook(secret, input.messageId, timestamp, signedBody);
  return headers;
}

export async function attemptDelivery(input: AttemptInput): Promise<AttemptOutcome> {
  const startedMs = Date.now();
  const headers = attemptHeaders(input, Math.floor(startedMs / 1000));
  const timeout = AbortSignal.timeout(input.timeoutMs);
  const signal = input.signal ? AbortSignal.any([input.signal, timeout]) : timeout;
  const outcome = (
    status: number | null,
    error: string | null,
    response: string | null = null,
  ): AttemptOutcome => ({
    at: new Date(startedMs).toISOString(),
    timestampSeconds: Number(headers["svix-timestamp"]),
    status,
    response,
    error,
    durationMs: Date.now() - startedMs,
  });
  try {
    const response = await fetch(input.url, { method: "POST", headers, body: input.body, signal });
    const text = await response.text().catch(() => "");
    return outcome(response.status, null, text.slice(0, 200));
  } catch (error) {
    const name = (error as Error).name;
    if (name === "TimeoutError") return outcome(null, `timeout after ${input.timeoutMs} ms`);
    if (name === "AbortError") return outcome(null, "simulator closed");
    // fetch wraps the real reason (ECONNREFUSED, "bad port", …) in `cause`.
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return outcome(null, cause?.code ?? cause?.message ?? (error as Error).message);
  }
}

export const isSuccess = (outcome: AttemptOutcome) =>
  outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
