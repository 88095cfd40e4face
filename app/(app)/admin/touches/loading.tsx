import { PageLoading, TableSkeleton } from "@/components/ui/page-loading";

/** Shown at once on navigation while Sendoso's touch list loads: the page's real heading and shape. */
export default function TouchesLoading() {
  return (
    <div className="mx-auto max-w-4xl">
      <PageLoading title="Touch cards" status="Loading touches…">
        <TableSkeleton rows={8} />
      </PageLoading>
    </div>
  );
}
