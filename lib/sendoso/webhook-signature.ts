import { Webhook, WebhookVerificationError } from "standardwebhooks";

/**
 * Sendoso delivers webhooks through Svix (sendoso-api.md §5.4): `svix-id`, `svix-timestamp` and
 * `svix-signature` (space-separated `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{raw body}">`, keyed by
 * the base64 part of the `whsec_` secret). Svix's headers are the Standard Webhooks ones renamed, so the
 * reference `standardwebhooks` package checks the HMAC (constant-time, any of several signatures).
 * We check the headers and the 5-minute window first only to log a precise reason.
 */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

export type WebhookRefusal =
  | "no_secret"
  | "missing_headers"
  | "invalid_timestamp"
  | "stale"
  | "future"
  | "bad_signature";

export type WebhookVerification = { ok: true; messageId: string } | { ok: false; reason: WebhookRefusal };

type HeaderSource = Headers | Record<string, string | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  return value?.trim() || undefined;
}

/** Verifies a delivery against the raw body exactly as received (never a re-serialised parse). */
export function verifySendosoWebhook(input: {
  secret: string | undefined;
  headers: HeaderSource;
  rawBody: string;
}): WebhookVerification {
  if (!input.secret) return { ok: false, reason: "no_secret" };
  const id = header(input.headers, "svix-id");
  const timestamp = header(input.headers, "svix-timestamp");
  const signature = header(input.headers, "svix-signature");
  if (!id || !timestamp || !signature) return { ok: false, reason: "missing_headers" };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "invalid_timestamp" };
  const age = Math.floor(Date.now() / 1000) - Number(timestamp);
  if (age > WEBHOOK_TOLERANCE_SECONDS) return { ok: false, reason: "stale" };
  if (age < -WEBHOOK_TOLERANCE_SECONDS) return { ok: false, reason: "future" };
  try {
    new Webhook(input.secret).verify(
      input.rawBody,
      { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": signature },
      { jsonParse: false },
    );
    return { ok: true, messageId: id };
  } catch (error) {
    // The package rechecks the window; a second boundary between our check and its own is still "stale".
    if (error instanceof WebhookVerificationError && /timestamp/i.test(error.message)) {
      return { ok: false, reason: "stale" };
    }
    return { ok: false, reason: "bad_signature" };
  }
}
