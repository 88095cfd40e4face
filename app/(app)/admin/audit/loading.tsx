import { PageLoading, TableSkeleton } from "@/components/ui/page-loading";
import { Skeleton } from "@/components/ui/skeleton";

/** Shown while a page of the log (or a new filter) loads; the table keeps its shape so nothing jumps. */
export default function AuditLoading() {
  return (
    <PageLoading title="Audit log" status="Loading entries…">
      <Skeleton className="h-40" />
      <TableSkeleton />
    </PageLoading>
  );
}
