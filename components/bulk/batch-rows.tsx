import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { type ResultRow, rowResult } from "@/lib/bulk/results";
import { nameOf } from "@/lib/bulk/row-values";

const TONE: Record<string, BadgeTone> = {
  sent: "success",
  failed: "danger",
  not_sent: "neutral",
  unknown: "warning",
  pending_approval: "info",
  in_flight: "info",
  queued: "neutral",
};

export const ROW_FILTERS = ["all", "sent", "failed", "unknown", "pending", "skipped"] as const;
export type RowFilter = (typeof ROW_FILTERS)[number];

export function matchesFilter(row: ResultRow, filter: RowFilter): boolean {
  const result = rowResult(row);
  switch (filter) {
    case "all":
      return true;
    case "sent":
      return result === "sent";
    case "failed":
      return ["failed", "not_sent", "rejected", "cancelled"].includes(result) && row.sendId !== null;
    case "unknown":
      return result === "unknown";
    case "pending":
      return ["pending", "claimed", "queued", "in_flight", "pending_approval"].includes(result);
    case "skipped":
      return row.sendId === null && !["pending", "claimed"].includes(result);
  }
}

/** The batch's rows: what each came to, and a link to the ordinary send in History. */
export function BatchRows({ rows }: { rows: ResultRow[] }) {
  if (rows.length === 0) return <p className="text-ink-muted">No rows match this filter.</p>;
  return (
    <Table aria-label="Batch rows">
      <TableHead>
        <TableRow>
          <TableHeader>Row</TableHeader>
          <TableHeader>Recipient</TableHeader>
          <TableHeader>Result</TableHeader>
          <TableHeader>Tracking code</TableHeader>
          <TableHeader>Details</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => {
          const result = rowResult(r);
          return (
            <TableRow key={r.rowNumber}>
              <TableCell>{r.rowNumber}</TableCell>
              <TableCell>
                <span className="block font-medium">{nameOf(r.cells) || "—"}</span>
                <span className="block text-ink-muted">{r.cells.email ?? "—"}</span>
              </TableCell>
              <TableCell>
                <Badge tone={TONE[result] ?? "neutral"}>{result.replaceAll("_", " ")}</Badge>
              </TableCell>
              <TableCell>{r.trackingCode ?? "—"}</TableCell>
              <TableCell className="max-w-md">
                {r.sendId ? (
                  <Link href={`/history/${r.sendId}`} className="text-brand-700 underline">
                    Open in History
                  </Link>
                ) : null}
                {result !== "sent" && (r.sendError ?? r.error) ? (
                  <p className="text-sm text-ink-muted">{r.sendError ?? r.error}</p>
                ) : null}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
