"use client";

import { type ComponentType, forwardRef, type ReactElement, useEffect, useState } from "react";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/styles";

export type MenuLink = { href: string; label: string; count?: number | null };
export type AccountMenuProps = {
  user: { name: string; email: string; roleLine: string };
  /** The main navigation, shown in the menu under `sm` only. */
  links: MenuLink[];
  trigger: ReactElement;
};

type Loaded = ComponentType<AccountMenuProps & { defaultOpen: boolean }>;

const Trigger = forwardRef<HTMLButtonElement, React.ComponentProps<"button"> & { name: string }>(
  function Trigger({ name, className, ...props }, ref) {
    return (
      <button
        ref={ref}
        type="button"
        className={cn(
          "inline-flex h-9 items-center gap-1.5 rounded-control border border-line-strong bg-white px-3 text-sm font-medium text-ink hover:bg-surface-muted",
          focusRing,
          className,
        )}
        {...props}
      >
        <span className="sm:hidden">Menu</span>
        <span className="hidden max-w-40 truncate sm:inline" data-testid="signed-in-user">
          {name}
        </span>
        <span aria-hidden="true">▾</span>
      </button>
    );
  },
);

/**
 * The header's account (and, under `sm`, navigation) menu button. Radix's menu code loads right after
 * the page is interactive rather than with it; a press before then opens the menu as soon as it has.
 */
export function AccountMenuButton(props: Omit<AccountMenuProps, "trigger">) {
  const [Menu, setMenu] = useState<Loaded | null>(null);
  const [pressedEarly, setPressedEarly] = useState(false);
  useEffect(() => {
    let live = true;
    void import("./account-menu").then((m) => {
      if (live) setMenu(() => m.AccountMenu);
    });
    return () => {
      live = false;
    };
  }, []);
  const label = `Account menu for ${props.user.name}`;
  if (!Menu) {
    return (
      <Trigger
        name={props.user.name}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={pressedEarly}
        aria-busy={pressedEarly || undefined}
        onClick={() => setPressedEarly(true)}
      />
    );
  }
  return (
    <Menu
      {...props}
      defaultOpen={pressedEarly}
      trigger={<Trigger name={props.user.name} aria-label={label} />}
    />
  );
}
