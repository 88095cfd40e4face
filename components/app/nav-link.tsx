"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/styles";

/** `count` adds a badge, e.g. "Approvals 3", read out as "Approvals, 3 waiting". */
export function NavLink({
  href,
  children,
  count,
}: {
  href: string;
  children: string;
  count?: number | null;
}) {
  const active = usePathname().startsWith(href);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "rounded-control px-2.5 py-2 text-sm font-medium",
        active ? "bg-brand-50 text-brand-800" : "text-ink-muted hover:bg-surface-muted hover:text-ink",
        focusRing,
      )}
    >
      {children}
      {count ? (
        <>
          <span
            aria-hidden="true"
            className="ms-1.5 rounded-full bg-brand-600 px-1.5 py-0.5 text-xs text-white"
          >
            {count}
          </span>
          <span className="sr-only">, {count} waiting</span>
        </>
      ) : null}
    </Link>
  );
}
