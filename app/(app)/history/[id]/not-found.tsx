import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

/** Same page for a missing send and one outside the viewer's scope. */
export default function SendNotFound() {
  return (
    <div className="flex flex-col items-start gap-3">
      <h1 className="text-2xl font-semibold">Send not found</h1>
      <p className="text-ink-muted">There is no send here that you can see.</p>
      <Link href="/history" className={buttonClasses({ variant: "secondary" })}>
        Back to history
      </Link>
    </div>
  );
}
