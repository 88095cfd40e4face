import { describe, expect, it } from "vitest";
import {
  bucketForSendosoStatus,
  canStillChange,
  effectiveBucket,
  type StatusBucket,
  sendosoStatusPatch,
} from "@/lib/sends/status-buckets";

// Every status string of sendoso-api.md §5.1–5.2 (known values, examples and lifecycle stages).
const STATUSES: Record<string, StatusBucket> = {
  Initiated: "pending",
  Sent: "waiting_on_recipient",
  Opened: "waiting_on_recipient",
  Clicked: "waiting_on_recipient",
  "Confirming Address": "waiting_on_recipient",
  "Collecting recipient info": "waiting_on_recipient",
  "Order Received": "in_fulfilment",
  Processing: "in_fulfilment",
  Packed: "in_fulfilment",
  Shipped: "shipped",
  Delivered: "delivered",
  Redeemed: "delivered",
  "Used/Redeemed": "delivered",
  Paused: "on_hold",
  "Address Confirmation - Cancelled": "closed_without_gift",
  "Bounced and Credited": "closed_without_gift",
  Cancelled: "closed_without_gift",
  Expired: "closed_without_gift",
  "Expired and Credited": "closed_without_gift",
  Failed: "closed_without_gift",
  Refunded: "closed_without_gift",
};

// The 28 webhook events of §5.4.
const EVENTS: Record<string, StatusBucket> = {
  "send.amazon_fulfilling": "in_fulfilment",
  "send.amazon_shipped": "in_fulfilment",
  "send.blocked": "on_hold",
  "send.bounced": "closed_without_gift",
  "send.canceled": "closed_without_gift",
  "send.clicked": "waiting_on_recipient",
  "send.confirmation_canceled": "closed_without_gift",
  "send.confirming_address": "waiting_on_recipient",
  "send.delivered": "delivered",
  "send.email_blacklist": "on_hold",
  "send.expired": "closed_without_gift",
  "send.failed": "closed_without_gift",
  "send.fulfilling": "in_fulfilment",
  "send.fulfillment_issue": "on_hold",
  "send.initiated": "pending",
  "send.insufficient_funds": "on_hold",
  "send.invalid_email_format": "on_hold",
  "send.opened": "waiting_on_recipient",
  "send.order_received": "in_fulfilment",
  "send.out_of_stock": "on_hold",
  "send.pending_approval": "on_hold",
  "send.pending_sendoso_approval": "pending",
  "send.redeemed": "delivered",
  "send.refunded": "closed_without_gift",
  "send.sent": "waiting_on_recipient",
  "send.shipped": "shipped",
  "send.suspicious_email": "on_hold",
  "send.undeliverable": "on_hold",
};

describe("Sendoso status → bucket", () => {
  it("covers all 28 webhook events", () => {
    expect(Object.keys(EVENTS)).toHaveLength(28);
  });

  for (const [status, bucket] of Object.entries({ ...STATUSES, ...EVENTS })) {
    it(`${status} → ${bucket}`, () => {
      expect(bucketForSendosoStatus(status)).toBe(bucket);
    });
  }

  it("ignores case, padding and snake_case without the send. prefix", () => {
    expect(bucketForSendosoStatus("  confirming   ADDRESS ")).toBe("waiting_on_recipient");
    expect(bucketForSendosoStatus("out_of_stock")).toBe("on_hold");
  });

  it("puts strings it does not know in other, keeping the raw text", () => {
    expect(bucketForSendosoStatus("Teleported")).toBe("other");
    expect(sendosoStatusPatch("Teleported")).toEqual({ sendosoStatus: "Teleported", statusBucket: "other" });
    expect(sendosoStatusPatch("Shipped")).toEqual({ sendosoStatus: "Shipped", statusBucket: "shipped" });
  });

  it("has no bucket for a missing status", () => {
    expect(bucketForSendosoStatus(null)).toBeNull();
    expect(bucketForSendosoStatus("  ")).toBeNull();
  });
});

describe("effective bucket of a send", () => {
  it("follows our state until Sendoso accepted the gift", () => {
    expect(effectiveBucket("queued", "shipped")).toBe("pending");
    expect(effectiveBucket("in_flight", null)).toBe("pending");
    expect(effectiveBucket("unknown", null)).toBe("unknown");
    expect(effectiveBucket("failed", null)).toBe("closed_without_gift");
    expect(effectiveBucket("not_sent", null)).toBe("closed_without_gift");
  });

  it("then follows Sendoso's bucket, pending until the first status arrives", () => {
    expect(effectiveBucket("sent", null)).toBe("pending");
    expect(effectiveBucket("sent", "shipped")).toBe("shipped");
    expect(effectiveBucket("sent", "garbage")).toBe("other");
  });

  it("keeps polling everything that is not delivered or closed", () => {
    expect(canStillChange("sent", "shipped")).toBe(true);
    expect(canStillChange("unknown", null)).toBe(true);
    expect(canStillChange("sent", "delivered")).toBe(false);
    expect(canStillChange("failed", null)).toBe(false);
  });
});
