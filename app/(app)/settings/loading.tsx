import { PageLoading } from "@/components/ui/page-loading";
import { Skeleton } from "@/components/ui/skeleton";

/** Shown at once on navigation while the page's data loads: its real heading and its shape. */
export default function SettingsLoading() {
  return (
    <div className="mx-auto max-w-3xl">
      <PageLoading title="Settings" status="Loading your settings…">
        <Skeleton className="h-36" />
        <Skeleton className="h-56" />
      </PageLoading>
    </div>
  );
}
