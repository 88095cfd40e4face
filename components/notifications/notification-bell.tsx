"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { Icon } from "@/components/ui/icons";
import { focusRing } from "@/components/ui/styles";
import { useUnreadCount } from "./use-unread-count";

export function unreadLabel(unread: number): string {
  return unread === 0 ? "Notifications, none unread" : `Notifications, ${unread} unread`;
}

/** Header bell: a link to the inbox whose visible badge and accessible name both carry the unread count. */
export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const unread = useUnreadCount(initialUnread);
  const current = usePathname().startsWith("/notifications");
  return (
    <Link
      href="/notifications"
      aria-label={unreadLabel(unread)}
      aria-current={current ? "page" : undefined}
      data-testid="notification-bell"
      className={cn(
        "relative inline-flex size-9 items-center justify-center rounded-control text-ink-muted hover:bg-surface-muted hover:text-ink",
        current && "bg-brand-50 text-brand-800",
        focusRing,
      )}
    >
      <Icon name="bell" className="size-5" />
      {unread > 0 ? (
        <span
          aria-hidden="true"
          data-testid="notification-count"
          className="absolute -top-1 -right-1 min-w-5 rounded-full bg-danger px-1 text-center text-xs leading-5 font-semibold text-white"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
