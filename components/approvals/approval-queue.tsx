"use client";

import { useState } from "react";
import type { ApprovalItem } from "@/lib/sends/approval-queue-view";
import { ApprovalCard, type DecisionActions } from "./approval-card";
import type { DecisionView } from "./decision-outcome";

type Props = DecisionActions & { items: ApprovalItem[]; currency: string };

/**
 * The queue. A decided send leaves the server's list when the page refreshes; its card stays here,
 * with the outcome (tracking code or failure), until the approver leaves the page.
 */
export function ApprovalQueue({ items, currency, approve, reject }: Props) {
  const [decided, setDecided] = useState<Record<string, { item: ApprovalItem; view: DecisionView }>>({});
  const pendingIds = new Set(items.map((i) => i.id));
  const shown = [
    ...items,
    ...Object.values(decided)
      .map((d) => d.item)
      .filter((i) => !pendingIds.has(i.id)),
  ];
  shown.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  if (shown.length === 0) {
    return (
      <div className="flex flex-col items-start gap-2 rounded-card border border-dashed border-line-strong p-8">
        <p className="font-medium">Nothing is waiting for you.</p>
        <p className="text-sm text-ink-muted">
          Gifts above a team's approval threshold, or over its budget, show up here for a decision.
        </p>
      </div>
    );
  }
  return (
    <ul className="flex flex-col gap-6">
      {shown.map((item) => (
        <li key={item.id}>
          <ApprovalCard
            item={item}
            currency={currency}
            decided={decided[item.id]?.view ?? null}
            onDecided={(view) => setDecided((all) => ({ ...all, [item.id]: { item, view } }))}
            approve={approve}
            reject={reject}
          />
        </li>
      ))}
    </ul>
  );
}
