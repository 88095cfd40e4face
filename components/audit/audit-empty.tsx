import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

const TEXT = {
  none: { title: "Nothing recorded yet.", body: "Sign-ins, connections, sends and exports show up here." },
  filtered: { title: "No entries match these filters.", body: "Try a wider date range or fewer filters." },
  end: { title: "No older entries.", body: "You have reached the start of the log." },
};

/** What an empty page means: nothing recorded yet, nothing matching, or the end of the log. */
export function AuditEmpty({ reason }: { reason: "none" | "filtered" | "end" }) {
  return (
    <EmptyState {...TEXT[reason]}>
      {reason === "none" ? null : (
        <Link href="/admin/audit" className={buttonClasses({ variant: "secondary" })}>
          Show all entries
        </Link>
      )}
    </EmptyState>
  );
}
