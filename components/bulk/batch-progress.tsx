"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { controlBulkBatch } from "@/app/(app)/send/bulk/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { BatchProgress as Progress } from "@/lib/bulk/progress";
import type { BulkBatchState } from "@/lib/db/schema";
import { BATCH_STATE } from "./batch-state";

type Snapshot = { state: BulkBatchState; progress: Progress };

async function fetchProgress(batchId: string): Promise<Snapshot> {
  const response = await fetch(`/api/bulk/${batchId}/progress`, { cache: "no-store" });
  if (!response.ok) throw new Error(`progress: ${response.status}`);
  return (await response.json()) as Snapshot;
}

// Waiting for approval polls too: the rep's tab sees the approver's decision and the rows go.
const live = (state: BulkBatchState) =>
  state === "running" || state === "paused" || state === "pending_approval";

function timeLeft(p: Progress): string | null {
  if (p.pending === 0 || p.rowsPerSecond <= 0) return null;
  const seconds = Math.ceil(p.pending / p.rowsPerSecond);
  return seconds < 90 ? `about ${seconds} s left` : `about ${Math.ceil(seconds / 60)} min left`;
}

/**
 * The live bar: read from the database every second while the batch runs, so a reload or another tab
 * shows the same numbers. Pause, resume and cancel for the rep who started it.
 */
export function BatchProgress({
  batchId,
  initial,
  canControl,
}: {
  batchId: string;
  initial: Snapshot;
  canControl: boolean;
}) {
  const router = useRouter();
  const { data } = useQuery({
    queryKey: ["bulk-progress", batchId],
    queryFn: () => fetchProgress(batchId),
    initialData: initial,
    refetchInterval: (query) => (query.state.data && live(query.state.data.state) ? 1_000 : false),
    retry: false,
  });
  const { state, progress: p } = data;
  const [pending, setPending] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // When the batch ends, refresh the server-rendered rows below.
  const last = useRef(state);
  useEffect(() => {
    if (last.current !== state) router.refresh();
    last.current = state;
  }, [state, router]);

  const done = p.total - p.pending;
  const percent = p.total === 0 ? 100 : Math.round((done / p.total) * 100);
  async function control(what: "pause" | "resume" | "cancel") {
    setPending(what);
    const result = await controlBulkBatch({ batchId, control: what });
    setPending(null);
    setMessage((result.ok ? result.data.message : result.formError) ?? null);
    router.refresh();
  }
  return (
    <section
      aria-labelledby="batch-progress"
      className="flex flex-col gap-3 rounded-card border border-line p-4"
    >
      <div className="flex items-center gap-3">
        <h2 id="batch-progress" className="text-base font-semibold">
          Progress
        </h2>
        <Badge tone={BATCH_STATE[state].tone}>{BATCH_STATE[state].label}</Badge>
      </div>
      <div
        role="progressbar"
        aria-label="Rows processed"
        aria-valuemin={0}
        aria-valuemax={p.total}
        aria-valuenow={done}
        aria-valuetext={`${done} of ${p.total} rows processed`}
        className="h-3 w-full overflow-hidden rounded-full bg-surface-muted"
      >
        <div className="h-full bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
      </div>
      <p aria-live="polite" data-testid="bulk-progress-text">
        {done.toLocaleString("en-US")} of {p.total.toLocaleString("en-US")} rows processed ({percent}%)
        {live(state) && p.rowsPerSecond > 0 ? ` · ${p.rowsPerSecond.toFixed(1)} rows/s` : ""}
        {state === "running" && timeLeft(p) ? ` · ${timeLeft(p)}` : ""}
      </p>
      <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-6">
        <Count label="Sent" value={p.sent} />
        <Count label="Failed" value={p.failed} />
        <Count label="Unknown (checking)" value={p.unknown} />
        <Count label="Awaiting approval" value={p.awaitingApproval} />
        <Count label="Pending" value={p.pending} />
        <Count label="Not sent (skipped)" value={p.skipped} />
      </dl>
      {message ? (
        <p role="status" className="text-sm">
          {message}
        </p>
      ) : null}
      {canControl && live(state) ? (
        <div className="flex gap-2">
          {state === "pending_approval" ? null : state === "running" ? (
            <Button
              variant="secondary"
              size="sm"
              pending={pending === "pause"}
              pendingLabel="Pausing…"
              onClick={() => void control("pause")}
            >
              Pause
            </Button>
          ) : (
            <Button
              variant="secondary"
              size="sm"
              pending={pending === "resume"}
              pendingLabel="Resuming…"
              onClick={() => void control("resume")}
            >
              Resume
            </Button>
          )}
          <Button
            variant="danger"
            size="sm"
            pending={pending === "cancel"}
            pendingLabel="Cancelling…"
            onClick={() => void control("cancel")}
          >
            Cancel the rest
          </Button>
        </div>
      ) : null}
    </section>
  );
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <dt className="text-ink-muted">{label}</dt>
      <dd className="font-semibold" data-testid={`bulk-count-${label.split(" ")[0]?.toLowerCase()}`}>
        {value.toLocaleString("en-US")}
      </dd>
    </div>
  );
}
