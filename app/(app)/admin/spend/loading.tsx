import { PageLoading, TableSkeleton } from "@/components/ui/page-loading";
import { Skeleton } from "@/components/ui/skeleton";

/** Shown at once on navigation while the page's data loads: its real heading and its shape. */
export default function SpendLoading() {
  return (
    <div className="mx-auto max-w-3xl">
      <PageLoading title="Spend controls" status="Loading budgets and rules…">
        <Skeleton className="h-48" />
        <Skeleton className="h-48" />
        <TableSkeleton rows={5} />
      </PageLoading>
    </div>
  );
}
