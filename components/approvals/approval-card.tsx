"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { LocalTime } from "@/components/app/local-time";
import { Money } from "@/components/app/locale-provider";
import { SEND_TYPE_LABEL } from "@/components/history/labels";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import type { ActionResult } from "@/lib/auth/action-result";
import type { DecisionResult } from "@/lib/sends/approval-decisions";
import type { ApprovalItem } from "@/lib/sends/approval-queue-view";
import { type DecisionView, describeDecision } from "./decision-outcome";
import { RejectDialog } from "./reject-dialog";

export type DecisionActions = {
  approve(input: { sendId: string }): Promise<ActionResult<DecisionResult>>;
  reject(input: { sendId: string; reason: string }): Promise<ActionResult<DecisionResult>>;
};

type Props = DecisionActions & {
  item: ApprovalItem;
  currency: string;
  decided: DecisionView | null;
  onDecided(view: DecisionView): void;
};

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-1 py-1.5 sm:grid-cols-3">
      <dt className="text-sm font-medium text-ink-muted">{label}</dt>
      <dd className="text-sm [overflow-wrap:anywhere] sm:col-span-2">{children}</dd>
    </div>
  );
}

/** One gift waiting for a decision: everything the approver needs, and Approve / Reject. */
export function ApprovalCard({ item, currency, decided, onDecided, approve, reject }: Props) {
  const [pending, start] = useTransition();
  const [problem, setProblem] = useState<DecisionView | null>(null);
  const recipient = item.recipientName || item.recipientEmail;
  const titleId = `approval-${item.id}-title`;
  const shown = decided ?? problem;

  const onApprove = () =>
    start(async () => {
      setProblem(null);
      const result = await approve({ sendId: item.id }).catch(
        () =>
          ({
            ok: false,
            formError: "Gift Desk did not answer. Check History before approving again.",
          }) as const,
      );
      const view = describeDecision(result);
      if (view.final) onDecided(view);
      else setProblem(view);
    });

  return (
    <Card aria-labelledby={titleId} data-testid="approval-card">
      <CardHeader>
        <div className="flex flex-wrap items-center gap-2">
          <CardTitle id={titleId} as="h2">
            {item.touchName} for {recipient}
          </CardTitle>
          {item.overBudget ? <Badge tone="danger">Over budget</Badge> : null}
        </div>
        <p className="text-sm text-ink-muted">
          Asked by {item.senderName} ({item.senderEmail}){item.team ? `, team ${item.team}` : ""} ·{" "}
          <LocalTime iso={item.createdAt} />
        </p>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {item.reason ? (
          <Alert tone={item.overBudget ? "warning" : "info"} title="Why it needs approval">
            {item.reason}
          </Alert>
        ) : null}
        <dl className="divide-y divide-line">
          <Row label="Recipient">
            {item.recipientName ? `${item.recipientName}, ` : ""}
            {item.recipientEmail}
          </Row>
          <Row label="Company">{item.recipientCompany || "—"}</Row>
          <Row label="Touch">
            {item.touchName} <span className="text-ink-muted">(#{item.touchId})</span> ·{" "}
            {SEND_TYPE_LABEL[item.sendType]}
          </Row>
          <Row label="Estimated cost">
            {item.estimatedCost === null ? (
              <Badge tone="warning">No estimate</Badge>
            ) : (
              <span className="flex flex-wrap items-center gap-2">
                <Money amount={item.estimatedCost} currency={currency} />
                {item.costIsGuess ? <Badge tone="neutral">Estimated</Badge> : null}
              </span>
            )}
          </Row>
          <Row label="Message">
            <span className="whitespace-pre-line">{item.customMessage || "—"}</span>
          </Row>
          {item.options.map(([label, value]) => (
            <Row key={label} label={label}>
              {value}
            </Row>
          ))}
        </dl>
      </CardContent>
      <CardFooter className="flex-col items-stretch gap-3 sm:flex-row sm:items-center sm:justify-end">
        {shown ? (
          <Alert
            tone={shown.tone}
            role={shown.tone === "danger" ? "alert" : "status"}
            title={shown.title}
            className="sm:me-auto"
          >
            {shown.text ? <p>{shown.text}</p> : null}
            {shown.trackingCode ? (
              <p>
                Tracking code <code data-testid="approval-tracking-code">{shown.trackingCode}</code>
              </p>
            ) : null}
            {decided ? (
              <Link href={`/history/${item.id}`} className="text-brand-700 underline">
                View in History
              </Link>
            ) : null}
          </Alert>
        ) : null}
        {decided ? null : (
          <div className="flex justify-end gap-3">
            <RejectDialog sendId={item.id} recipient={recipient} reject={reject} onDecided={onDecided} />
            <Button onClick={onApprove} pending={pending} pendingLabel="Approving and sending…">
              Approve and send
            </Button>
          </div>
        )}
      </CardFooter>
    </Card>
  );
}
