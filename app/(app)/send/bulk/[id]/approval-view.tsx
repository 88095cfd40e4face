import { and, asc, eq } from "drizzle-orm";
import { BatchDecision } from "@/components/bulk/batch-decision";
import { nameOf } from "@/lib/bulk/row-values";
import type { Db } from "@/lib/db/client";
import { type BulkBatch, bulkRows } from "@/lib/db/schema";
import { formatMoney } from "@/lib/spend/money";

const REASON: Record<string, string> = {
  threshold: "it is over the team's approval threshold",
  over_budget: "it does not fit a budget (approving it overrides the budget)",
  no_estimate: "its touch has no cost estimate",
  teamless: "the rep's sign-in carries no team",
};

/** What a batch waiting for approval holds: the summary everyone who sees it reads. */
export function PendingSummary({
  batch,
  rows,
  currency,
}: {
  batch: BulkBatch;
  rows: number;
  currency: string;
}) {
  const total =
    batch.estimatedTotal === null ? "no estimate" : formatMoney(Number(batch.estimatedTotal), currency);
  return (
    <p data-testid="bulk-approval-summary" className="rounded-card border border-line p-4">
      Waiting for approval as one batch: <strong>{rows.toLocaleString("en-US")} gifts</strong>, estimated{" "}
      <strong>{total}</strong>, because {REASON[batch.approvalReason ?? ""] ?? "a spend rule applies"}.
      Nothing is sent before an approver decides.
    </p>
  );
}

/** The approver's page: the summary, then approve / reject the batch or reject single rows. */
export async function ApprovalView({ db, batch, currency }: { db: Db; batch: BulkBatch; currency: string }) {
  const rows = await db
    .select({ rowNumber: bulkRows.rowNumber, cells: bulkRows.cells })
    .from(bulkRows)
    .where(and(eq(bulkRows.batchId, batch.id), eq(bulkRows.state, "pending")))
    .orderBy(asc(bulkRows.rowNumber))
    .limit(5_000);
  return (
    <>
      <PendingSummary batch={batch} rows={rows.length} currency={currency} />
      <BatchDecision
        batchId={batch.id}
        rows={rows.map((r) => ({
          rowNumber: r.rowNumber,
          name: nameOf(r.cells),
          email: r.cells.email ?? "",
        }))}
      />
    </>
  );
}
