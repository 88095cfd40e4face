"use client";

import Link from "next/link";
import { markNotificationsRead } from "@/app/(app)/notifications/actions";
import { LocalTime } from "@/components/app/local-time";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/styles";
import type { NotificationCategory } from "@/lib/db/schema";
import { CATEGORY_INFO } from "@/lib/notifications/categories";
import { isAppPath } from "@/lib/notifications/email-text";
import { useInboxAction } from "./use-inbox-action";

export type InboxEntry = {
  id: number;
  category: NotificationCategory;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  read: boolean;
};

/** One notification: unread ones say so in text (not only colour) and can be marked read on their own. */
export function NotificationItem({ item }: { item: InboxEntry }) {
  const { run, pending, error } = useInboxAction(() => markNotificationsRead({ ids: [item.id] }));
  const titleId = `notification-${item.id}-title`;
  return (
    <li
      aria-labelledby={titleId}
      data-testid="notification"
      data-notification-id={item.id}
      data-unread={item.read ? undefined : ""}
      className={cn(
        "flex flex-col gap-2 border-l-4 px-4 py-3 sm:flex-row sm:items-start sm:justify-between",
        item.read ? "border-transparent" : "border-brand-600 bg-brand-50/40",
      )}
    >
      <div className="flex min-w-0 flex-col gap-1">
        <p className="flex flex-wrap items-center gap-2 text-xs text-ink-muted">
          {item.read ? null : <Badge tone="brand">Unread</Badge>}
          <span>{CATEGORY_INFO[item.category].label}</span>
          <span aria-hidden="true">·</span>
          <LocalTime iso={item.createdAt} />
        </p>
        <h2 id={titleId} className={cn("text-base", item.read ? "font-medium" : "font-semibold")}>
          {isAppPath(item.link) ? (
            <Link href={item.link} className={cn("rounded-control text-brand-700 underline", focusRing)}>
              {item.title}
            </Link>
          ) : (
            item.title
          )}
        </h2>
        <p className="text-sm whitespace-pre-line text-ink">{item.body}</p>
        {error ? (
          <p role="alert" className="text-sm font-medium text-danger">
            {error}
          </p>
        ) : null}
      </div>
      {item.read ? null : (
        <Button
          variant="secondary"
          size="sm"
          onClick={run}
          pending={pending}
          pendingLabel="Marking…"
          aria-label={`Mark read: ${item.title}`}
        >
          Mark read
        </Button>
      )}
    </li>
  );
}
