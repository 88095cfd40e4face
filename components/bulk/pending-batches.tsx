import Link from "next/link";
import { focusRing } from "@/components/ui/styles";
import type { listPendingBatches } from "@/lib/bulk/batch-approvers";
import { formatMoney } from "@/lib/spend/money";

type PendingBatch = Awaited<ReturnType<typeof listPendingBatches>>[number];

/** Bulk sends waiting on this approver, each decided as one batch on its own page. */
export function PendingBatches({ batches, currency }: { batches: PendingBatch[]; currency: string }) {
  if (batches.length === 0) return null;
  return (
    <section aria-labelledby="pending-batches" className="flex flex-col gap-3">
      <h2 id="pending-batches" className="text-lg font-semibold">
        Bulk sends waiting ({batches.length})
      </h2>
      <ul className="flex flex-col gap-2">
        {batches.map((b) => (
          <li key={b.id} className="rounded-card border border-line p-4" data-testid="pending-batch">
            <Link href={`/send/bulk/${b.id}`} className={`font-medium text-brand-700 underline ${focusRing}`}>
              {b.fileName}
            </Link>{" "}
            from {b.senderName}: {b.rows.toLocaleString("en-US")} gifts,{" "}
            {b.estimatedTotal === null
              ? "no estimate"
              : `estimated ${formatMoney(Number(b.estimatedTotal), currency)}`}
            {b.overBudget ? " (over budget)" : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}
