import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

/** "Page not found": the same for a URL that does not exist and a page this user may not see. */
export function NotFoundBody() {
  return (
    <div className="flex flex-col items-start gap-3" data-testid="not-found">
      <title>Page not found · Gift Desk</title>
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-ink-muted">
        There is no page here that you can see. Check the address, or start again.
      </p>
      <div className="flex flex-wrap gap-3">
        <Link href="/send" className={buttonClasses()}>
          Send a gift
        </Link>
        <Link href="/history" className={buttonClasses({ variant: "secondary" })}>
          History
        </Link>
      </div>
    </div>
  );
}
