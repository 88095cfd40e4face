import type { BadgeTone } from "@/components/ui/badge";
import type { SendState, SendType } from "@/lib/db/schema";
import type { StatusBucket } from "@/lib/sends/status-buckets";
import { formatMoney as formatExactMoney } from "@/lib/spend/money";

export { BUCKET_LABEL } from "@/lib/sends/status-buckets";

export const SEND_TYPE_LABEL: Record<SendType, string> = {
  address_collection: "Physical, address collected",
  known_address: "Physical, known address",
  egift: "eGift",
};

export const STATE_LABEL: Record<SendState, string> = {
  pending_approval: "Awaiting approval",
  queued: "Queued",
  in_flight: "Sending",
  sent: "Sent",
  failed: "Failed",
  unknown: "Checking — do not resend",
  not_sent: "Not sent",
  rejected: "Rejected",
  cancelled: "Cancelled",
};

export const BUCKET_TONE: Record<StatusBucket, BadgeTone> = {
  pending: "neutral",
  waiting_on_recipient: "info",
  in_fulfilment: "brand",
  shipped: "brand",
  delivered: "success",
  on_hold: "warning",
  closed_without_gift: "neutral",
  unknown: "warning",
  other: "neutral",
};

/**
 * Money as the viewer's locale writes it (`locale` from Accept-Language; see components/app/locale-provider).
 * No currency (Sendoso did not say) or an unknown code: the plain number, e.g. "12.50 XYZ".
 */
export function formatMoney(
  amount: string | number | null,
  currency: string | null,
  locale?: string,
): string {
  if (amount === null) return "—";
  const value = Number(amount);
  try {
    if (currency) return formatExactMoney(value, currency, locale);
  } catch {
    // Fall through to the plain number.
  }
  const plain = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    value,
  );
  return `${plain} ${currency ?? ""}`.trim();
}
