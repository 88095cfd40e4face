import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

/**
 * Keyset pages only go forward (older); "Newest" restarts, and the browser's Back returns to the
 * previous page because every page has its own URL.
 */
export function HistoryPager({
  newestHref,
  olderHref,
}: {
  newestHref: string | null;
  olderHref: string | null;
}) {
  if (!newestHref && !olderHref) return null;
  return (
    <nav aria-label="Pages" className="flex gap-3">
      {newestHref ? (
        <Link href={newestHref} className={buttonClasses({ variant: "secondary", size: "sm" })}>
          Newest sends
        </Link>
      ) : null}
      {olderHref ? (
        <Link href={olderHref} className={buttonClasses({ variant: "secondary", size: "sm" })} rel="next">
          Older sends
        </Link>
      ) : null}
    </nav>
  );
}
