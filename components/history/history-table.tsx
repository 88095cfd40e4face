"use client";

import Link from "next/link";
import { LocalTime } from "@/components/app/local-time";
import { Money } from "@/components/app/locale-provider";
import { CopyButton } from "@/components/ui/copy-button";
import { focusRing } from "@/components/ui/styles";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { canStillChange } from "@/lib/sends/status-buckets";
import { SEND_TYPE_LABEL } from "./labels";
import { type HistoryRowView, withStatus } from "./row-view";
import { SendStateBadge } from "./send-state-badge";
import { StatusBadge } from "./status-badge";
import { useSendStatus } from "./use-send-status";

type Props = { rows: HistoryRowView[]; showSender: boolean };

export function HistoryTable({ rows: initialRows, showSender }: Props) {
  // Decided from the rows as rendered, so the polled set stays fixed for this page.
  const live = initialRows.filter((r) => canStillChange(r.state, r.bucket)).map((r) => r.id);
  const statuses = useSendStatus(live);
  const rows = initialRows.map((row) => withStatus(row, statuses.get(row.id)));
  return (
    <Table aria-label="Sends, newest first" className="stacked-table">
      <TableHead>
        <TableRow>
          <TableHeader>Date</TableHeader>
          {showSender ? <TableHeader>Rep</TableHeader> : null}
          <TableHeader>Recipient</TableHeader>
          <TableHeader>Touch</TableHeader>
          <TableHeader>State</TableHeader>
          <TableHeader>Sendoso status</TableHeader>
          <TableHeader className="text-right">Cost</TableHeader>
          <TableHeader>Tracking code</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id} data-testid="history-row">
            <TableCell data-label="Date" className="whitespace-nowrap">
              <LocalTime iso={row.createdAt} />
            </TableCell>
            {showSender ? <TableCell data-label="Rep">{row.senderName}</TableCell> : null}
            <TableCell data-label="Recipient">
              <Link
                href={`/history/${row.id}`}
                className={`rounded-control font-medium text-brand-700 underline ${focusRing}`}
              >
                {row.recipientName || row.recipientEmail}
              </Link>
              {/* Long addresses wrap so cost and tracking code stay in view. */}
              <span className="block max-w-64 text-ink-muted [overflow-wrap:anywhere]">
                {row.recipientEmail}
              </span>
              {row.recipientCompany ? (
                <span className="block text-ink-muted">{row.recipientCompany}</span>
              ) : null}
            </TableCell>
            <TableCell data-label="Touch">
              <span className="block">{row.touchName}</span>
              <span className="block text-xs text-ink-muted">{SEND_TYPE_LABEL[row.sendType]}</span>
              {row.batch ? (
                <Link
                  href={`/send/bulk/${row.batch.batchId}`}
                  className={`block text-xs text-brand-700 underline ${focusRing}`}
                >
                  Bulk send {row.batch.fileName}, row {row.batch.rowNumber}
                </Link>
              ) : null}
            </TableCell>
            <TableCell data-label="State">
              <SendStateBadge state={row.state} />
              {row.state === "failed" && row.errorMessage ? (
                <span className="mt-1 block max-w-xs text-xs text-ink-muted">{row.errorMessage}</span>
              ) : null}
            </TableCell>
            <TableCell data-label="Sendoso status">
              <StatusBadge bucket={row.bucket} raw={row.sendosoStatus} />
            </TableCell>
            <TableCell data-label="Cost" className="whitespace-nowrap text-right tabular-nums">
              <Money amount={row.cost} currency={row.currency} />
            </TableCell>
            <TableCell data-label="Tracking code">
              {row.trackingCode ? (
                <span className="flex items-center gap-2">
                  <code className="font-mono text-xs" title={row.trackingCode}>
                    {row.trackingCode.slice(0, 12)}
                    {row.trackingCode.length > 12 ? "…" : ""}
                  </code>
                  <CopyButton value={row.trackingCode} size="sm" variant="ghost" label="Copy" />
                </span>
              ) : (
                <span className="text-ink-muted">—</span>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
