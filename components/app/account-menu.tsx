"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { DropdownMenu } from "radix-ui";
import { useEffect, useState, useTransition } from "react";
import { cn } from "@/components/ui/cn";
import type { AccountMenuProps } from "./account-menu-button";
import { signOutAction } from "./sign-out";

const item = cn(
  "flex cursor-pointer items-center gap-2 rounded-control px-3 py-2 text-sm outline-none",
  "data-highlighted:bg-brand-50 data-highlighted:text-brand-800",
);

/** Below Tailwind's `sm` (640 px), where the header shows no links. Read on the client only. */
function useNarrowScreen(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia("(max-width: 639.98px)").matches);
  useEffect(() => {
    const query = window.matchMedia("(max-width: 639.98px)");
    const update = () => setNarrow(query.matches);
    query.addEventListener("change", update);
    return () => query.removeEventListener("change", update);
  }, []);
  return narrow;
}

/**
 * The account menu (Radix DropdownMenu: a real menu, arrow keys, Escape, focus returned to the
 * button): who is signed in, Settings and Sign out; under `sm`, where the header has no room for the
 * navigation, the main links too. Loaded after the page is interactive (see account-menu-button).
 */
export function AccountMenu({
  user,
  links,
  defaultOpen,
  trigger,
}: AccountMenuProps & { defaultOpen: boolean }) {
  const pathname = usePathname();
  const [signingOut, start] = useTransition();
  const narrow = useNarrowScreen();
  return (
    <DropdownMenu.Root defaultOpen={defaultOpen} modal={false}>
      <DropdownMenu.Trigger asChild>{trigger}</DropdownMenu.Trigger>
      {/* No portal: the menu stays inside the header's banner landmark. */}
      <DropdownMenu.Content
        align="end"
        sideOffset={6}
        className="z-50 min-w-56 rounded-card border border-line bg-surface p-1 text-ink shadow-card"
      >
        <DropdownMenu.Label className="px-3 py-2 text-sm">
          <span className="block font-medium">{user.name}</span>
          <span className="block text-ink-muted">
            {user.email} · {user.roleLine}
          </span>
        </DropdownMenu.Label>
        <DropdownMenu.Separator className="my-1 h-px bg-line" />
        {narrow ? (
          <DropdownMenu.Group aria-label="Main">
            {links.map((link) => (
              <DropdownMenu.Item key={link.href} asChild className={item}>
                <Link href={link.href} aria-current={pathname.startsWith(link.href) ? "page" : undefined}>
                  {link.label}
                  {link.count ? (
                    <span className="ms-auto text-xs text-ink-muted">{link.count} waiting</span>
                  ) : null}
                </Link>
              </DropdownMenu.Item>
            ))}
            <DropdownMenu.Separator className="my-1 h-px bg-line" />
          </DropdownMenu.Group>
        ) : null}
        {/* Settings is the user's own (Sendoso connection, email, messages): here at every width. */}
        <DropdownMenu.Item asChild className={item}>
          <Link href="/settings" aria-current={pathname.startsWith("/settings") ? "page" : undefined}>
            Settings
          </Link>
        </DropdownMenu.Item>
        <DropdownMenu.Item
          className={item}
          disabled={signingOut}
          onSelect={() => start(() => signOutAction())}
        >
          {signingOut ? "Signing out…" : "Sign out"}
        </DropdownMenu.Item>
      </DropdownMenu.Content>
    </DropdownMenu.Root>
  );
}
