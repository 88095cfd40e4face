import Link from "next/link";
import { LocalTime } from "@/components/app/local-time";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { BulkBatch } from "@/lib/db/schema";
import { BATCH_STATE } from "./batch-state";

/** Recent batches the caller may see (their own; a manager's team; everything for admins). */
export function BatchList({ batches }: { batches: (BulkBatch & { senderName: string; rows: number })[] }) {
  if (batches.length === 0) return <p className="text-ink-muted">No bulk sends yet.</p>;
  return (
    <Table aria-label="Recent bulk sends">
      <TableHead>
        <TableRow>
          <TableHeader>File</TableHeader>
          <TableHeader>Rep</TableHeader>
          <TableHeader>Rows</TableHeader>
          <TableHeader>State</TableHeader>
          <TableHeader>Uploaded</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {batches.map((b) => (
          <TableRow key={b.id}>
            <TableCell>
              <Link href={`/send/bulk/${b.id}`} className="font-medium text-brand-700 underline">
                {b.fileName}
              </Link>
            </TableCell>
            <TableCell>{b.senderName}</TableCell>
            <TableCell>{b.rows.toLocaleString("en-US")}</TableCell>
            <TableCell>
              <Badge tone={BATCH_STATE[b.state].tone}>{BATCH_STATE[b.state].label}</Badge>
            </TableCell>
            <TableCell>
              <LocalTime iso={b.createdAt.toISOString()} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
