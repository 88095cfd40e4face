import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type SendType, sendEvents } from "@/lib/db/schema";
import type { PendingApproval } from "./approval-queue";

/** One pending send as the approvals page shows it: plain data, safe to hand to the browser. */
export type ApprovalItem = {
  id: string;
  createdAt: string;
  senderName: string;
  senderEmail: string;
  team: string | null;
  recipientName: string | null;
  recipientEmail: string;
  recipientCompany: string | null;
  touchId: number;
  touchName: string;
  sendType: SendType;
  customMessage: string | null;
  /** The delivery options sent to Sendoso, in words: [label, value]. */
  options: [string, string][];
  estimatedCost: number | null;
  costIsGuess: boolean;
  overBudget: boolean;
  /** Why it waits, as the rep was told (the budget check's message). */
  reason: string | null;
};

const OPTION_LABELS: Record<string, string> = {
  address_confirmation_via: "Address confirmed by",
  expire_after_days: "Recipient has (days)",
  resume_with_unconfirmed_address: "Ships if not confirmed",
  hide_product_info: "Hides product details",
  address_confirmation_custom_message: "Confirmation request",
  address: "Address",
  city: "City",
  state: "State",
  zip: "ZIP",
  country: "Country",
  mobile_no: "Mobile",
};

/** Who, to whom and what are shown apart; these only say how Sendoso delivers. */
function optionsOf(body: Record<string, unknown>): [string, string][] {
  const send = (body.send ?? {}) as Record<string, unknown>;
  return Object.entries(send).flatMap(([key, value]): [string, string][] => {
    const label = OPTION_LABELS[key];
    if (!label || value === null || value === undefined || value === "") return [];
    return [[label, typeof value === "boolean" ? (value ? "Yes" : "No") : String(value)]];
  });
}

/** The message each send was put on hold with (the detail of its first event). */
async function holdReasonsFor(db: Db, sendIds: string[]): Promise<Map<string, string>> {
  if (sendIds.length === 0) return new Map();
  const rows = await db
    .select({ sendId: sendEvents.sendId, detail: sendEvents.detail })
    .from(sendEvents)
    .where(
      and(
        inArray(sendEvents.sendId, sendIds),
        eq(sendEvents.toState, "pending_approval"),
        isNull(sendEvents.fromState),
      ),
    );
  const reasons = new Map<string, string>();
  for (const row of rows) {
    const message = row.detail?.message;
    if (typeof message === "string") reasons.set(row.sendId, message);
  }
  return reasons;
}

export async function toApprovalItems(db: Db, pending: PendingApproval[]): Promise<ApprovalItem[]> {
  const reasons = await holdReasonsFor(
    db,
    pending.map((p) => p.id),
  );
  return pending.map((p) => ({
    id: p.id,
    createdAt: p.createdAt.toISOString(),
    senderName: p.senderName,
    senderEmail: p.senderEmail,
    team: p.team,
    recipientName: p.recipientName,
    recipientEmail: p.recipientEmail,
    recipientCompany: p.recipientCompany,
    touchId: p.touchId,
    touchName: p.touchName,
    sendType: p.sendType,
    customMessage: p.customMessage,
    options: optionsOf(p.requestBody),
    estimatedCost: p.estimatedCost === null ? null : Number(p.estimatedCost),
    costIsGuess: p.costIsGuess,
    overBudget: p.overBudget,
    reason: reasons.get(p.id) ?? null,
  }));
}
