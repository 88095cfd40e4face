import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BatchProgress } from "@/components/bulk/batch-progress";
import { BatchRows, matchesFilter, ROW_FILTERS, type RowFilter } from "@/components/bulk/batch-rows";
import { BATCH_STATE } from "@/components/bulk/batch-state";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { decidableBatch, mayDecideBatch } from "@/lib/bulk/batch-approvers";
import { mayControl, visibleBatch } from "@/lib/bulk/batch-scope";
import { batchProgress } from "@/lib/bulk/progress";
import { batchResultRows } from "@/lib/bulk/results";
import { getDb } from "@/lib/db";
import { getConfig } from "@/lib/env";
import { ApprovalView, PendingSummary } from "./approval-view";
import { ReviewView } from "./review-view";

export const metadata: Metadata = { title: "Bulk send" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function BulkBatchPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const db = await getDb();
  const uuid = /^[0-9a-f-]{36}$/i.test(id);
  // A fallback approver of another team sees the batch they are asked to decide, and nothing more.
  const batch = uuid ? ((await visibleBatch(db, user, id)) ?? (await decidableBatch(db, user, id))) : null;
  if (!batch) notFound();
  const deciding = batch.state === "pending_approval" && (await mayDecideBatch(db, user, batch));
  const currency = getConfig().currency;
  const page = Math.max(0, Number.parseInt(String(query.page ?? "0"), 10) || 0);
  const filter = (ROW_FILTERS as readonly string[]).includes(String(query.show))
    ? (query.show as RowFilter)
    : "all";

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-5">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">Bulk send: {batch.fileName}</h1>
        <Badge tone={BATCH_STATE[batch.state].tone}>{BATCH_STATE[batch.state].label}</Badge>
        <Link href="/send/bulk" className="ms-auto text-sm text-brand-700 underline">
          All bulk sends
        </Link>
      </div>
      {batch.state === "draft" ? (
        batch.senderId === user.id ? (
          <ReviewView db={db} user={user} batch={batch} page={page} />
        ) : (
          <p>This batch is still being reviewed by its rep.</p>
        )
      ) : deciding ? (
        <ApprovalView db={db} batch={batch} currency={currency} />
      ) : (
        <StartedView
          summary={
            batch.state === "pending_approval" ? (
              <PendingSummary batch={batch} rows={await pendingRows(db, batch.id)} currency={currency} />
            ) : null
          }
          batchId={batch.id}
          state={batch.state}
          canControl={mayControl(user, batch, "stop")}
          filter={filter}
        />
      )}
    </div>
  );
}

async function pendingRows(db: Awaited<ReturnType<typeof getDb>>, batchId: string): Promise<number> {
  return (await batchProgress(db, batchId)).pending;
}

async function StartedView({
  summary,
  batchId,
  state,
  canControl,
  filter,
}: {
  summary: React.ReactNode;
  batchId: string;
  state: Parameters<typeof BatchProgress>[0]["initial"]["state"];
  canControl: boolean;
  filter: RowFilter;
}) {
  const db = await getDb();
  const [progress, rows] = await Promise.all([batchProgress(db, batchId), batchResultRows(db, batchId)]);
  return (
    <>
      {summary}
      <BatchProgress key={state} batchId={batchId} initial={{ state, progress }} canControl={canControl} />
      <div className="flex flex-wrap items-center gap-2">
        <a
          href={`/api/bulk/${batchId}/results`}
          className={buttonClasses({ variant: "secondary", size: "sm" })}
          download
        >
          Download results (CSV)
        </a>
        <nav aria-label="Row filter" className="ms-auto flex flex-wrap gap-1">
          {ROW_FILTERS.map((f) => (
            <Link
              key={f}
              href={f === "all" ? "?" : `?show=${f}`}
              aria-current={f === filter ? "page" : undefined}
              className={buttonClasses({ variant: f === filter ? "primary" : "ghost", size: "sm" })}
            >
              {f[0]?.toUpperCase()}
              {f.slice(1)}
            </Link>
          ))}
        </nav>
      </div>
      <BatchRows rows={rows.filter((r) => matchesFilter(r, filter)).slice(0, 1_000)} />
    </>
  );
}
