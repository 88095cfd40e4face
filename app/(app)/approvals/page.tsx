import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApprovalQueue } from "@/components/approvals/approval-queue";
import { PendingBatches } from "@/components/bulk/pending-batches";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listPendingBatches } from "@/lib/bulk/batch-approvers";
import { getDb } from "@/lib/db";
import { getConfig } from "@/lib/env";
import { listPendingApprovals } from "@/lib/sends/approval-queue";
import { toApprovalItems } from "@/lib/sends/approval-queue-view";
import { approveSendAction, rejectSendAction } from "./actions";

export const metadata: Metadata = { title: "Approvals" };

export default async function ApprovalsPage() {
  const user = await requireUser();
  // Reps get the same 404 as for a page that does not exist.
  if (!can(user.role, "approve_sends")) notFound();
  const db = await getDb();
  const [items, batches] = await Promise.all([
    listPendingApprovals(db, user).then((pending) => toApprovalItems(db, pending)),
    listPendingBatches(db, user),
  ]);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Approvals</h1>
        <p className="text-ink-muted">
          Gifts waiting for your decision, oldest first. Approving sends the gift at once, from the rep's own
          Sendoso account; rejecting tells the rep why.
        </p>
      </div>
      <PendingBatches batches={batches} currency={getConfig().currency} />
      {/* "Nothing is waiting" would contradict the batches above. */}
      {items.length > 0 || batches.length === 0 ? (
        <ApprovalQueue
          items={items}
          currency={getConfig().currency}
          approve={approveSendAction}
          reject={rejectSendAction}
        />
      ) : null}
    </div>
  );
}
