import { PageLoading, TableSkeleton } from "@/components/ui/page-loading";

/** Shown at once on navigation while the page's data loads: its real heading and its shape. */
export default function NotificationsLoading() {
  return (
    <div className="mx-auto max-w-3xl">
      <PageLoading title="Notifications" status="Loading your inbox…">
        <TableSkeleton rows={6} />
      </PageLoading>
    </div>
  );
}
