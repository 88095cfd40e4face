import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

/**
 * Keyset pages only go forward (older); "Newest" restarts, and the browser's Back returns to the
 * previous page because every page has its own URL.
 */
export function HistoryPager({
  newestHref,
  olderHref,
  labels = { newest: "Newest sends", older: "Older sends" },
  label = "Pages",
}: {
  newestHref: string | null;
  olderHref: string | null;
  /** What the pages hold, e.g. "Newest entries" on the audit log. */
  labels?: { newest: string; older: string };
  /** The nav's accessible name. */
  label?: string;
}) {
  if (!newestHref && !olderHref) return null;
  return (
    <nav aria-label={label} className="flex gap-3">
      {newestHref ? (
        <Link href={newestHref} className={buttonClasses({ variant: "secondary", size: "sm" })}>
          {labels.newest}
        </Link>
      ) : null}
      {olderHref ? (
        <Link href={olderHref} className={buttonClasses({ variant: "secondary", size: "sm" })} rel="next">
          {labels.older}
        </Link>
      ) : null}
    </nav>
  );
}
