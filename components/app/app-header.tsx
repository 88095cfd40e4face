import Link from "next/link";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { Badge } from "@/components/ui/badge";
import { focusRing } from "@/components/ui/styles";
import { can } from "@/lib/auth/permissions";
import type { User } from "@/lib/db/schema";
import { NavLink } from "./nav-link";
import { SendosoStatus } from "./sendoso-status";
import { signOutAction } from "./sign-out";
import { SubmitButton } from "./submit-button";

const ROLE_LABEL = { rep: "Rep", manager: "Manager", admin: "Admin" } as const;

type Props = {
  user: User;
  sandbox: boolean;
  unreadNotifications: number;
  /** Sends waiting on this user's decision; null when they cannot approve (or the count failed). */
  pendingApprovals: number | null;
};

export function AppHeader({ user, sandbox, unreadNotifications, pendingApprovals }: Props) {
  return (
    <header className="border-b border-line bg-surface">
      <a
        href="#main"
        className={`sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 ${focusRing}`}
      >
        Skip to content
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3 sm:px-6">
        <Link href="/send" className={`rounded-control text-lg font-semibold text-brand-700 ${focusRing}`}>
          Gift Desk
        </Link>
        {sandbox ? (
          <Badge tone="warning" className="uppercase">
            Sandbox
          </Badge>
        ) : null}
        <nav aria-label="Main" className="flex items-center gap-1">
          <NavLink href="/send">Send</NavLink>
          <NavLink href="/send/bulk">Bulk send</NavLink>
          <NavLink href="/history">History</NavLink>
          {can(user.role, "view_dashboard") ? <NavLink href="/dashboard">Dashboard</NavLink> : null}
          {can(user.role, "approve_sends") ? (
            <NavLink href="/approvals" count={pendingApprovals}>
              Approvals
            </NavLink>
          ) : null}
          {can(user.role, "manage_spend") ? <NavLink href="/admin/spend">Spend</NavLink> : null}
          <NavLink href="/settings">Settings</NavLink>
          {can(user.role, "view_audit_log") ? <NavLink href="/admin/audit">Audit log</NavLink> : null}
        </nav>
        <div className="ms-auto flex items-center gap-3">
          <SendosoStatus />
          <NotificationBell initialUnread={unreadNotifications} />
          <p className="text-right text-sm leading-tight">
            <span className="block font-medium" data-testid="signed-in-user">
              {user.name}
            </span>
            <span className="block text-ink-muted">
              {user.email} · {ROLE_LABEL[user.role]}
              {user.team ? ` · team ${user.team}` : ""}
            </span>
          </p>
          <form action={signOutAction}>
            <SubmitButton variant="secondary" size="sm" pendingLabel="Signing out…">
              Sign out
            </SubmitButton>
          </form>
        </div>
      </div>
    </header>
  );
}
