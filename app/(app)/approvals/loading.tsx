import { PageLoading } from "@/components/ui/page-loading";
import { Skeleton } from "@/components/ui/skeleton";

/** Shown at once on navigation while the page's data loads: its real heading and its shape. */
export default function ApprovalsLoading() {
  return (
    <div className="mx-auto max-w-3xl">
      <PageLoading title="Approvals" status="Loading the approval queue…">
        <Skeleton className="h-40" />
        <Skeleton className="h-40" />
      </PageLoading>
    </div>
  );
}
