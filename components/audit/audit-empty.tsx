import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

/** What an empty page means: nothing recorded yet, nothing matching, or the end of the log. */
export function AuditEmpty({ reason }: { reason: "none" | "filtered" | "end" }) {
  const text = {
    none: { title: "Nothing recorded yet.", body: "Sign-ins, connections, sends and exports show up here." },
    filtered: { title: "No entries match these filters.", body: "Try a wider date range or fewer filters." },
    end: { title: "No older entries.", body: "You have reached the start of the log." },
  }[reason];
  return (
    <div className="flex flex-col items-start gap-3 rounded-card border border-dashed border-line-strong p-8">
      <p className="font-medium">{text.title}</p>
      <p className="text-sm text-ink-muted">{text.body}</p>
      {reason === "none" ? null : (
        <Link href="/admin/audit" className={buttonClasses({ variant: "secondary" })}>
          Show all entries
        </Link>
      )}
    </div>
  );
}
