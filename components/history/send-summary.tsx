import type { ReactNode } from "react";
import { LocalTime } from "@/components/app/local-time";
import { Money } from "@/components/app/locale-provider";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import type { SendDetail } from "@/lib/sends/history-detail";
import { effectiveBucket } from "@/lib/sends/status-buckets";
import { ApprovalNotice } from "./approval-notice";
import { SEND_TYPE_LABEL } from "./labels";
import { SendStateBadge } from "./send-state-badge";
import { StatusBadge } from "./status-badge";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-1 py-2 sm:grid-cols-3">
      <dt className="text-sm font-medium text-ink-muted">{label}</dt>
      <dd className="text-sm [overflow-wrap:anywhere] sm:col-span-2">{children}</dd>
    </div>
  );
}

/** Who sent what to whom, where it stands, and how to follow it. */
export function SendSummary({ detail }: { detail: SendDetail }) {
  const { send, sender } = detail;
  return (
    <Card aria-labelledby="summary-title">
      <CardHeader>
        <CardTitle id="summary-title">Summary</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {send.state === "failed" && send.errorMessage ? (
          <Alert tone="danger" title="Sendoso did not accept this gift">
            <p>{send.errorMessage}</p>
            {send.errorDetail ? <p className="text-ink-muted">Field: {send.errorDetail}</p> : null}
          </Alert>
        ) : null}
        {send.state === "unknown" ? (
          <Alert tone="warning" title="Checking with Sendoso — do not resend">
            {send.errorMessage}
          </Alert>
        ) : null}
        <ApprovalNotice send={send} />
        {send.state === "not_sent" && send.errorMessage ? (
          <Alert tone="info" title="Confirmed not sent">
            {send.errorMessage}
          </Alert>
        ) : null}
        <dl className="divide-y divide-line">
          <Row label="Sent by">
            {sender.name} <span className="text-ink-muted">({sender.email})</span>
            {send.team ? <span className="text-ink-muted"> · team {send.team}</span> : null}
          </Row>
          <Row label="Sent through">
            {send.viaSharedAccount ? "The org's shared Sendoso account" : "The rep's own Sendoso account"}
            {detail.connection ? (
              <span className="text-ink-muted">
                {" "}
                ({detail.connection.sendosoName}, {detail.connection.sendosoEmail})
              </span>
            ) : send.sendosoConnectionId ? (
              <span className="text-ink-muted"> (connection since removed)</span>
            ) : (
              <span className="text-ink-muted"> (sandbox token)</span>
            )}
          </Row>
          <Row label="Date">
            <LocalTime iso={send.createdAt.toISOString()} />
          </Row>
          <Row label="Recipient">
            {send.recipientName ? `${send.recipientName}, ` : ""}
            {send.recipientEmail}
            {send.recipientCompany ? ` · ${send.recipientCompany}` : ""}
          </Row>
          <Row label="Touch">
            {send.touchName} <span className="text-ink-muted">(#{send.touchId})</span> ·{" "}
            {SEND_TYPE_LABEL[send.sendType]}
          </Row>
          <Row label="Our state">
            <SendStateBadge state={send.state} />
          </Row>
          <Row label="Sendoso status">
            <StatusBadge bucket={effectiveBucket(send.state, send.statusBucket)} raw={send.sendosoStatus} />
          </Row>
          <Row label="Cost">
            {send.cost !== null ? (
              <Money amount={send.cost} currency={send.currency} />
            ) : send.estimatedCost !== null ? (
              <span className="flex flex-wrap items-center gap-2">
                <Money amount={send.estimatedCost} currency={send.currency} />
                <Badge>{send.costIsGuess ? "Estimated" : "Before Sendoso's figure"}</Badge>
              </span>
            ) : (
              "—"
            )}
          </Row>
          <Row label="Tracking code">
            {send.trackingCode ? (
              <span className="flex flex-wrap items-center gap-2">
                <code data-testid="detail-tracking-code" className="break-all font-mono text-xs">
                  {send.trackingCode}
                </code>
                <CopyButton value={send.trackingCode} label="Copy code" />
              </span>
            ) : (
              "—"
            )}
          </Row>
          <Row label="Tracking page">
            {send.trackingUrl ? (
              <a href={send.trackingUrl} className="break-all text-brand-700 underline" rel="noreferrer">
                {send.trackingUrl}
              </a>
            ) : (
              "—"
            )}
          </Row>
          <Row label="Sendoso send id">{send.sendosoSendGid ?? "— (not matched yet)"}</Row>
        </dl>
      </CardContent>
    </Card>
  );
}
