import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

const TEXT = {
  none: { title: "No sends yet.", body: "Gifts you send show up here, newest first." },
  filtered: { title: "No sends match these filters.", body: "Try a wider date range or fewer filters." },
  end: { title: "No older sends.", body: "You have reached the end of the list." },
};

/** What an empty page means: nothing sent yet, nothing matching, or the end of the list. */
export function HistoryEmpty({ reason }: { reason: "none" | "filtered" | "end" }) {
  return (
    <EmptyState {...TEXT[reason]}>
      {reason === "none" ? (
        <Link href="/send" className={buttonClasses()}>
          Send a gift
        </Link>
      ) : (
        <Link href="/history" className={buttonClasses({ variant: "secondary" })}>
          Show all sends
        </Link>
      )}
    </EmptyState>
  );
}
