import { createHmac, randomBytes } from "node:crypto";

/**
 * Svix-style signing as Sendoso's webhooks use it (contract §5.4), written with node:crypto on purpose:
 * the app verifies with the `standardwebhooks` package, so the simulator is an independent second
 * implementation and a mistake on either side shows up in the tests.
 */

/** The secret `npm run dev` gives both the simulator and the app (lib/env.ts holds the same value). */
export const SANDBOX_WEBHOOK_SECRET = "whsec_Z2lmdC1kZXNrLXNhbmRib3gtd2ViaG9vay1zZWNyZXQ=";

export function isWebhookSecret(value: string): boolean {
  return /^whsec_[A-Za-z0-9+/]+={0,2}$/.test(value) && secretKey(value).length > 0;
}

function secretKey(secret: string): Buffer {
  return Buffer.from(secret.slice("whsec_".length), "base64");
}

/** `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`, keyed by the base64-decoded secret. */
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac("sha256", secretKey(secret)).update(`${id}.${timestampSeconds}.${body}`);
  return `v1,${mac.digest("base64")}`;
}

/** Svix message ids look like `msg_2LJm…`; only their uniqueness matters to receivers. */
export function newMessageId(): string {
  return `msg_${randomBytes(16).toString("base64url")}`;
}

// Status strings whose event name is not simply the snake_case of the status (contract §5.4).
const EVENT_EXCEPTIONS: Record<string, string> = {
  "Address Confirmation - Cancelled": "send.confirmation_canceled",
  Cancelled: "send.canceled",
  Processing: "send.fulfilling",
  "Expired and Credited": "send.refunded",
  "Bounced and Credited": "send.bounced",
  "Collecting recipient info": "send.confirming_address",
};

/** The event a status change is announced as, e.g. "Order Received" → "send.order_received". */
export function eventTypeFor(status: string): string {
  const exception = EVENT_EXCEPTIONS[status];
  if (exception) return exception;
  const snake = status
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return `send.${snake}`;
}
