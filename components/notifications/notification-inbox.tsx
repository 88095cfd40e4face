"use client";

import Link from "next/link";
import { markAllNotificationsRead } from "@/app/(app)/notifications/actions";
import { HistoryPager } from "@/components/history/history-pager";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { type InboxEntry, NotificationItem } from "./notification-item";
import { useInboxAction } from "./use-inbox-action";

type Props = { items: InboxEntry[]; unread: number; nextBefore: number | null; olderPage: boolean };

function InboxEmpty({ olderPage }: { olderPage: boolean }) {
  if (!olderPage) {
    return (
      <EmptyState
        title="No notifications yet."
        body="Gift Desk tells you here when a send needs approval, is approved or rejected, fails, or waits on its recipient for days."
      />
    );
  }
  return (
    <EmptyState title="No older notifications." body="You have reached the end of the list.">
      <Link href="/notifications" className={buttonClasses({ variant: "secondary" })}>
        Newest notifications
      </Link>
    </EmptyState>
  );
}

/** The inbox: newest first, unread marked, "Mark all read" for everything the caller has unread. */
export function NotificationInbox({ items, unread, nextBefore, olderPage }: Props) {
  const markAll = useInboxAction(() => markAllNotificationsRead({}));
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Notifications</h1>
          <p className="text-ink-muted" data-testid="unread-summary">
            {unread === 0 ? "Nothing unread." : `${unread} unread.`}
          </p>
        </div>
        <Button
          variant="secondary"
          onClick={markAll.run}
          pending={markAll.pending}
          pendingLabel="Marking all read…"
          disabled={unread === 0}
        >
          Mark all read
        </Button>
      </div>
      {markAll.error ? <Alert tone="danger" role="alert" title={markAll.error} /> : null}
      {items.length === 0 ? (
        <InboxEmpty olderPage={olderPage} />
      ) : (
        <ul
          aria-label="Notifications, newest first"
          className="divide-y divide-line rounded-card border border-line bg-white"
        >
          {items.map((item) => (
            <NotificationItem key={item.id} item={item} />
          ))}
        </ul>
      )}
      <HistoryPager
        label="Notification pages"
        labels={{ newest: "Newest", older: "Older notifications" }}
        newestHref={olderPage && items.length > 0 ? "/notifications" : null}
        olderHref={nextBefore !== null ? `/notifications?before=${nextBefore}` : null}
      />
    </div>
  );
}
