import type { SendState } from "@/lib/db/schema";

/**
 * The readable buckets a manager filters and counts by (product-field.md "Proposed internal status
 * buckets"). Sendoso's own status strings are Title-Case display text with no published enum, so every
 * string in sendoso-api.md §5 is mapped here and anything else lands in "other" with the raw text kept.
 */
export const STATUS_BUCKETS = [
  "pending",
  "waiting_on_recipient",
  "in_fulfilment",
  "shipped",
  "delivered",
  "on_hold",
  "closed_without_gift",
  "unknown",
  "other",
] as const;
export type StatusBucket = (typeof STATUS_BUCKETS)[number];

export const BUCKET_LABEL: Record<StatusBucket, string> = {
  pending: "Pending",
  waiting_on_recipient: "Waiting on recipient",
  in_fulfilment: "In fulfilment",
  shipped: "Shipped",
  delivered: "Delivered / redeemed",
  on_hold: "On hold — needs action",
  closed_without_gift: "Closed without gift",
  unknown: "Unknown — checking",
  other: "Other",
};

/** Buckets no later Sendoso status moves a send out of: polling stops for them. */
export const FINAL_BUCKETS: readonly StatusBucket[] = ["delivered", "closed_without_gift"];

// Keys are normalised (lower case, single spaces, "_" → " ") so list statuses ("Order Received") and
// webhook event names ("send.order_received") share one table.
const BY_STATUS: Record<string, StatusBucket> = {
  // Accepted by Sendoso, nothing has happened yet; or waiting for Sendoso's own review (nothing we can do).
  initiated: "pending",
  "pending sendoso approval": "pending",
  // eGift emails and physical address collection: the recipient has to act.
  sent: "waiting_on_recipient",
  opened: "waiting_on_recipient",
  clicked: "waiting_on_recipient",
  "confirming address": "waiting_on_recipient",
  "collecting recipient info": "waiting_on_recipient",
  // Sendoso (or Amazon, which ships to Sendoso first) is preparing the gift.
  "order received": "in_fulfilment",
  processing: "in_fulfilment",
  packed: "in_fulfilment",
  fulfilling: "in_fulfilment",
  "amazon fulfilling": "in_fulfilment",
  "amazon shipped": "in_fulfilment",
  shipped: "shipped",
  delivered: "delivered",
  redeemed: "delivered",
  "used/redeemed": "delivered",
  // Stuck until an admin or manager acts (approve, fund, fix the email or address, pick another gift).
  paused: "on_hold",
  "pending approval": "on_hold",
  "insufficient funds": "on_hold",
  "out of stock": "on_hold",
  "fulfillment issue": "on_hold",
  "suspicious email": "on_hold",
  "invalid email format": "on_hold",
  "email blacklist": "on_hold",
  blocked: "on_hold",
  undeliverable: "on_hold",
  // Over: no gift reached the recipient (credited back where Sendoso says so).
  "address confirmation - cancelled": "closed_without_gift",
  "confirmation canceled": "closed_without_gift",
  "bounced and credited": "closed_without_gift",
  bounced: "closed_without_gift",
  cancelled: "closed_without_gift",
  canceled: "closed_without_gift",
  expired: "closed_without_gift",
  "expired and credited": "closed_without_gift",
  refunded: "closed_without_gift",
  failed: "closed_without_gift",
};

/** The comparable form of a status or event name: "send.order_received" and "Order Received" agree. */
export function normaliseSendosoStatus(value: string): string {
  return value
    .trim()
    .replace(/^send\./i, "")
    .replace(/_/g, " ")
    .replace(/\s+/g, " ")
    .toLowerCase();
}

/** Bucket of a raw Sendoso status (list item `status`, `status_updates[].status`) or webhook event name. */
export function bucketForSendosoStatus(raw: string | null | undefined): StatusBucket | null {
  if (raw == null || raw.trim() === "") return null;
  return BY_STATUS[normaliseSendosoStatus(raw)] ?? "other";
}

/** What the reconciler and webhook handler store together, so the bucket never drifts from the raw text. */
export function sendosoStatusPatch(raw: string): { sendosoStatus: string; statusBucket: StatusBucket } {
  return { sendosoStatus: raw, statusBucket: bucketForSendosoStatus(raw) ?? "other" };
}

/**
 * The one bucket shown for a send: our own state decides until Sendoso accepted the gift, then Sendoso's
 * status does. Mirrored in SQL by `bucketCondition` (lib/sends/history-filters.ts).
 */
export function effectiveBucket(state: SendState, statusBucket: string | null): StatusBucket {
  switch (state) {
    case "pending_approval":
    case "queued":
    case "in_flight":
      return "pending";
    case "unknown":
      return "unknown";
    case "failed":
    case "not_sent":
    case "rejected":
    case "cancelled":
      return "closed_without_gift";
    case "sent":
      if (!statusBucket) return "pending";
      // "unknown" is our own state, never a Sendoso bucket.
      return (STATUS_BUCKETS as readonly string[]).includes(statusBucket) && statusBucket !== "unknown"
        ? (statusBucket as StatusBucket)
        : "other";
  }
}

/** Rows whose shown status may still change, so the history keeps polling them. */
export function canStillChange(state: SendState, statusBucket: string | null): boolean {
  return !FINAL_BUCKETS.includes(effectiveBucket(state, statusBucket));
}
