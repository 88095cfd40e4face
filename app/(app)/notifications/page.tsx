import type { Metadata } from "next";
import { NotificationInbox } from "@/components/notifications/notification-inbox";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listNotifications, unreadCount } from "@/lib/notifications/inbox";

export const metadata: Metadata = { title: "Notifications" };

type Props = { searchParams: Promise<{ before?: string }> };

/** The caller's own inbox; `?before=<id>` pages back. */
export default async function NotificationsPage({ searchParams }: Props) {
  const user = await requireUser();
  const { before } = await searchParams;
  const cursor = before && /^[1-9]\d{0,15}$/.test(before) ? Number(before) : undefined;
  const db = await getDb();
  const [page, unread] = await Promise.all([
    listNotifications(db, user.id, { before: cursor }),
    unreadCount(db, user.id),
  ]);
  return (
    <div className="mx-auto max-w-3xl">
      <NotificationInbox
        items={page.items.map((n) => ({ ...n, createdAt: n.createdAt.toISOString() }))}
        unread={unread}
        nextBefore={page.nextBefore}
        olderPage={cursor !== undefined}
      />
    </div>
  );
}
