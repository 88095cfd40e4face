import { LocalTime } from "@/components/app/local-time";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { SendState } from "@/lib/db/schema";
import type { SendDetail } from "@/lib/sends/history-detail";
import { BUCKET_LABEL, STATE_LABEL } from "./labels";

/** Sendoso's statuses for this send, oldest first. */
export function SendosoTimeline({ updates }: { updates: SendDetail["sendosoTimeline"] }) {
  return (
    <Card aria-labelledby="sendoso-timeline-title">
      <CardHeader>
        <CardTitle id="sendoso-timeline-title">Sendoso status timeline</CardTitle>
        <CardDescription>From Sendoso's webhooks and its send list, oldest first.</CardDescription>
      </CardHeader>
      <CardContent>
        {updates.length === 0 ? (
          <p className="text-sm text-ink-muted">No status from Sendoso yet.</p>
        ) : (
          <ol className="flex flex-col gap-2 border-s border-line ps-4">
            {updates.map((u, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a timeline never reorders
              <li key={i} className="text-sm">
                <span className="font-medium">{u.status}</span>
                <span className="text-ink-muted"> · {u.bucket ? BUCKET_LABEL[u.bucket] : "—"}</span>
                <span className="block text-xs text-ink-muted">
                  {u.occurredAt ? <LocalTime iso={u.occurredAt.toISOString()} /> : "time unknown"} ·{" "}
                  {u.source}
                </span>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}

function describeDetail(detail: Record<string, unknown> | null): string {
  if (!detail) return "";
  if (typeof detail.reason === "string") return `Reason: ${detail.reason}`;
  if (typeof detail.message === "string") return `Sendoso: ${detail.message}`;
  if (typeof detail.sendosoStatus === "string") return `Sendoso status: ${detail.sendosoStatus}`;
  return Object.entries(detail)
    .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(", ");
}

/** Gift Desk's own audit trail: every state change, who caused it, and why. */
export function EventLog({ events }: { events: SendDetail["events"] }) {
  const label = (s: string | null) => (s ? (STATE_LABEL[s as SendState] ?? s) : "—");
  return (
    <section aria-labelledby="event-log-title" className="flex flex-col gap-3">
      <h2 id="event-log-title" className="text-lg font-semibold">
        Event log
      </h2>
      <Table aria-label="Event log, oldest first">
        <TableHead>
          <TableRow>
            <TableHeader>When</TableHeader>
            <TableHeader>Who</TableHeader>
            <TableHeader>Change</TableHeader>
            <TableHeader>Details</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {events.map((e) => (
            <TableRow key={e.id} data-testid="event-row">
              <TableCell className="whitespace-nowrap">
                <LocalTime iso={e.createdAt.toISOString()} />
              </TableCell>
              <TableCell>{e.actorName ?? "Gift Desk"}</TableCell>
              <TableCell className="whitespace-nowrap">
                {label(e.fromState)} → {label(e.toState)}
              </TableCell>
              <TableCell className="max-w-md break-words text-ink-muted">
                {describeDetail(e.detail)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
