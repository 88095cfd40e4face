import { Skeleton } from "@/components/ui/skeleton";

export default function SendDetailLoading() {
  return (
    <div className="flex flex-col gap-6" aria-busy="true">
      <p role="status" className="text-ink-muted">
        Loading the send…
      </p>
      <Skeleton className="h-8 w-64" />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Skeleton className="h-96" />
        <Skeleton className="h-96" />
      </div>
    </div>
  );
}
