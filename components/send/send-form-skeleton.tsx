import { Skeleton } from "@/components/ui/skeleton";

/** The send form's shape while its touches load; `status` is announced to screen readers. */
export function SendFormSkeleton({ status }: { status?: string }) {
  return (
    <div className="flex flex-col gap-6" aria-busy="true" data-testid="send-form-loading">
      {status ? (
        <p role="status" className="text-sm text-ink-muted">
          {status}
        </p>
      ) : null}
      <div className="flex flex-col gap-5 rounded-card border border-line bg-white p-6">
        <Skeleton className="h-6 w-48" />
        <Skeleton className="h-10" />
        <div className="grid gap-5 sm:grid-cols-2">
          <Skeleton className="h-10" />
          <Skeleton className="h-10" />
        </div>
        <Skeleton className="h-28" />
      </div>
      <Skeleton className="h-24" />
    </div>
  );
}
