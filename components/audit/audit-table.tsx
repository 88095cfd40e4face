import { LocalTime } from "@/components/app/local-time";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { AUDIT_ACTION_LABEL, type AuditAction } from "@/lib/audit/actions";
import { AuditChange } from "./audit-change";

/** An entry as the page hands it to the table: dates as ISO strings, for LocalTime. */
export type AuditRowView = {
  id: number;
  at: string;
  actorEmail: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
};

/** Refusals stand out; the text still says what happened (colour is decoration only). */
function actionTone(action: string) {
  if (action === "user.sign_in_refused" || action === "send.rejected") return "danger" as const;
  if (action.startsWith("export.")) return "info" as const;
  return "neutral" as const;
}

const label = (action: string) => AUDIT_ACTION_LABEL[action as AuditAction] ?? action;

export function AuditTable({ rows }: { rows: AuditRowView[] }) {
  return (
    <Table aria-label="Audit log, newest first">
      <TableHead>
        <TableRow>
          <TableHeader>Time</TableHeader>
          <TableHeader>Actor</TableHeader>
          <TableHeader>Action</TableHeader>
          <TableHeader>Target</TableHeader>
          <TableHeader>Before → after</TableHeader>
          <TableHeader>Request id</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id} data-testid="audit-row" className="align-top">
            <TableCell className="whitespace-nowrap align-top">
              <LocalTime iso={row.at} />
            </TableCell>
            <TableCell className="align-top [overflow-wrap:anywhere]">
              {row.actorEmail ?? <span className="text-ink-muted">system</span>}
            </TableCell>
            <TableCell className="align-top">
              <Badge tone={actionTone(row.action)}>{label(row.action)}</Badge>
              <span className="mt-1 block font-mono text-xs text-ink-muted">{row.action}</span>
            </TableCell>
            <TableCell className="align-top">
              <span className="block">{row.targetType}</span>
              {row.targetId ? (
                <code className="block max-w-48 font-mono text-xs text-ink-muted [overflow-wrap:anywhere]">
                  {row.targetId}
                </code>
              ) : null}
            </TableCell>
            <TableCell className="min-w-64 align-top">
              <AuditChange before={row.before} after={row.after} />
            </TableCell>
            <TableCell className="align-top">
              {row.requestId ? (
                <code className="font-mono text-xs text-ink-muted" title={row.requestId}>
                  {row.requestId.slice(0, 8)}
                </code>
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
