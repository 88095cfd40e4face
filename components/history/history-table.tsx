import Link from "next/link";
import { LocalTime } from "@/components/app/local-time";
import { CopyButton } from "@/components/ui/copy-button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { HistoryRow } from "@/lib/sends/history";
import { SendStateBadge } from "./send-state-badge";

export function HistoryTable({ rows, showSender }: { rows: HistoryRow[]; showSender: boolean }) {
  return (
    <Table aria-label="Sends, newest first">
      <TableHead>
        <TableRow>
          <TableHeader>Date</TableHeader>
          {showSender ? <TableHeader>Rep</TableHeader> : null}
          <TableHeader>Recipient</TableHeader>
          <TableHeader>Touch</TableHeader>
          <TableHeader>State</TableHeader>
          <TableHeader>Tracking code</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id} data-testid="history-row">
            <TableCell className="whitespace-nowrap">
              <LocalTime iso={row.createdAt.toISOString()} />
            </TableCell>
            {showSender ? <TableCell>{row.senderName}</TableCell> : null}
            <TableCell>
              <span className="block font-medium">{row.recipientName}</span>
              <span className="block text-ink-muted">{row.recipientEmail}</span>
            </TableCell>
            <TableCell>{row.touchName}</TableCell>
            <TableCell>
              <SendStateBadge state={row.state} />
              {row.state === "failed" && row.errorMessage ? (
                <span className="mt-1 block max-w-xs text-xs text-ink-muted">{row.errorMessage}</span>
              ) : null}
            </TableCell>
            <TableCell>
              {row.trackingCode ? (
                <span className="flex items-center gap-2">
                  <code className="font-mono text-xs" title={row.trackingCode}>
                    {row.trackingCode.slice(0, 12)}…
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

export function OlderSendsLink({ href }: { href: string }) {
  return (
    <Link href={href} className="self-start text-sm font-medium text-brand-700 underline">
      Older sends
    </Link>
  );
}
