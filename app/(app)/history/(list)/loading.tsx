import { PageLoading, TableSkeleton } from "@/components/ui/page-loading";
import { Skeleton } from "@/components/ui/skeleton";

/** Shown while a history page (or a new filter) loads; the table keeps its shape so nothing jumps. */
export default function HistoryLoading() {
  return (
    <PageLoading title="History" status="Loading sends…">
      <Skeleton className="h-48" />
      <TableSkeleton />
    </PageLoading>
  );
}
