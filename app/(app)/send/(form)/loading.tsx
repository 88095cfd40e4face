import { SendFormSkeleton } from "@/components/send/send-form-skeleton";
import { PageLoading } from "@/components/ui/page-loading";

/**
 * Shown at once on navigation while the page's data loads: its real heading and its shape. In the
 * (form) group so it covers /send only: under it, a bulk batch page that is not found would already
 * have streamed a 200 before its notFound().
 */
export default function SendLoading() {
  return (
    <div className="mx-auto max-w-3xl">
      <PageLoading title="Send a gift" status="Loading the send form…">
        <SendFormSkeleton />
      </PageLoading>
    </div>
  );
}
