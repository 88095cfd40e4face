import { SendFormSkeleton } from "@/components/send/send-form-skeleton";
import { PageLoading } from "@/components/ui/page-loading";

/** Shown at once on navigation while the page's data loads: its real heading and its shape. */
export default function SendLoading() {
  return (
    <div className="mx-auto max-w-3xl">
      <PageLoading title="Send a gift" status="Loading the send form…">
        <SendFormSkeleton />
      </PageLoading>
    </div>
  );
}
