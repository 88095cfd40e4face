import Link from "next/link";
import { NotificationBell } from "@/components/notifications/notification-bell";
import type { ConnectSendosoAction } from "@/components/settings/connect-sendoso-button";
import { Badge } from "@/components/ui/badge";
import { focusRing } from "@/components/ui/styles";
import { can } from "@/lib/auth/permissions";
import type { User } from "@/lib/db/schema";
import { AccountMenuButton, type MenuLink } from "./account-menu-button";
import { NavLink } from "./nav-link";
import { SendosoStatus } from "./sendoso-status";

const ROLE_LABEL = { rep: "Rep", manager: "Manager", admin: "Admin" } as const;

type Props = {
  user: User;
  /** The settings page's connect action, for the header's one-click "Connect Sendoso". */
  connectSendoso: ConnectSendosoAction;
  sandbox: boolean;
  unreadNotifications: number;
  /** Sends waiting on this user's decision; null when they cannot approve (or the count failed). */
  pendingApprovals: number | null;
};

/** The main links this user's role may open, in header order. */
function linksFor(user: User, pendingApprovals: number | null): MenuLink[] {
  return [
    { href: "/send", label: "Send" },
    { href: "/history", label: "History" },
    ...(can(user.role, "view_dashboard") ? [{ href: "/dashboard", label: "Dashboard" }] : []),
    ...(can(user.role, "approve_sends")
      ? [{ href: "/approvals", label: "Approvals", count: pendingApprovals }]
      : []),
    ...(can(user.role, "manage_spend") ? [{ href: "/admin/spend", label: "Spend" }] : []),
    ...(can(user.role, "view_audit_log") ? [{ href: "/admin/audit", label: "Audit log" }] : []),
    ...(can(user.role, "manage_users") ? [{ href: "/admin/users", label: "Users" }] : []),
  ];
}

/**
 * One row from 1280 px for every role: brand, links, Sendoso, bell and the account menu (who is signed
 * in, Sign out). Under `sm` the links move into that menu.
 */
export function AppHeader({ user, connectSendoso, sandbox, unreadNotifications, pendingApprovals }: Props) {
  const links = linksFor(user, pendingApprovals);
  const roleLine = `${ROLE_LABEL[user.role]}${user.team ? ` · team ${user.team}` : ""}`;
  return (
    <header className="border-b border-line bg-surface">
      <a
        href="#main"
        className={`sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 ${focusRing}`}
      >
        Skip to content
      </a>
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/send" className={`rounded-control text-lg font-semibold text-brand-700 ${focusRing}`}>
          Gift Desk
        </Link>
        {sandbox ? (
          <Badge tone="warning" className="uppercase">
            Sandbox
          </Badge>
        ) : null}
        <nav aria-label="Main" className="hidden items-center gap-0.5 sm:flex">
          {links.map((link) => (
            <NavLink key={link.href} href={link.href} count={link.count}>
              {link.label}
            </NavLink>
          ))}
        </nav>
        <div className="ms-auto flex items-center gap-2">
          <SendosoStatus connect={connectSendoso} />
          <NotificationBell initialUnread={unreadNotifications} />
          <AccountMenuButton user={{ name: user.name, email: user.email, roleLine }} links={links} />
        </div>
      </div>
    </header>
  );
}
