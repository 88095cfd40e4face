import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CancelPendingDialog } from "@/components/history/cancel-pending-dialog";
import { CheckSendosoButton } from "@/components/history/check-sendoso-button";
import { MarkNotSentDialog } from "@/components/history/mark-not-sent-dialog";
import { SendSummary } from "@/components/history/send-summary";
import { EventLog, SendosoTimeline } from "@/components/history/send-timelines";
import { SendUpstream } from "@/components/history/send-upstream";
import { focusRing } from "@/components/ui/styles";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { batchesOfSends } from "@/lib/bulk/batch-of-send";
import { getDb } from "@/lib/db";
import { getSendDetail } from "@/lib/sends/history-detail";
import { sendScopeFor } from "@/lib/sends/scope";

export const metadata: Metadata = { title: "Send" };

type Props = { params: Promise<{ id: string }> };

export default async function SendDetailPage({ params }: Props) {
  const user = await requireUser();
  const { id } = await params;
  const db = await getDb();
  const detail = await getSendDetail(db, sendScopeFor(user), id);
  // Outside the caller's scope looks exactly like a missing send. No loading.tsx above this page, so
  // nothing has streamed yet and the response really is a 404.
  if (!detail) notFound();
  const { send } = detail;
  const batch = (await batchesOfSends(db, [send.id])).get(send.id);
  return (
    <div className="flex flex-col gap-6">
      <Link
        href="/history"
        className={`self-start rounded-control text-sm text-brand-700 underline ${focusRing}`}
      >
        ← Back to history
      </Link>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Gift to {send.recipientName || send.recipientEmail}</h1>
          <p className="text-ink-muted">{send.touchName}</p>
          {batch ? (
            <Link
              href={`/send/bulk/${batch.batchId}`}
              className={`rounded-control text-sm text-brand-700 underline ${focusRing}`}
              data-testid="send-batch-link"
            >
              Part of bulk send {batch.fileName} (row {batch.rowNumber})
            </Link>
          ) : null}
        </div>
        {send.state === "unknown" ? (
          <div className="flex flex-wrap items-start gap-3">
            {send.senderId === user.id || can(user.role, "resolve_unknown_sends") ? (
              <CheckSendosoButton sendId={send.id} />
            ) : null}
            {can(user.role, "resolve_unknown_sends") ? <MarkNotSentDialog sendId={send.id} /> : null}
          </div>
        ) : null}
        {send.state === "pending_approval" && send.senderId === user.id ? (
          <CancelPendingDialog sendId={send.id} />
        ) : null}
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <SendSummary detail={detail} />
        <div className="flex flex-col gap-6">
          <SendosoTimeline updates={detail.sendosoTimeline} />
          <SendUpstream send={send} />
        </div>
      </div>
      <EventLog events={detail.events} />
    </div>
  );
}
