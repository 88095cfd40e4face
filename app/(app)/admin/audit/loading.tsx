import { Skeleton } from "@/components/ui/skeleton";

/** Shown while a page of the log (or a new filter) loads; the table keeps its shape so nothing jumps. */
export default function AuditLoading() {
  return (
    <div className="flex flex-col gap-6" aria-busy="true">
      <div>
        <h1 className="text-2xl font-semibold">Audit log</h1>
        <p className="text-ink-muted" role="status">
          Loading entries…
        </p>
      </div>
      <Skeleton className="h-40" />
      <div className="flex flex-col gap-3 rounded-card border border-line bg-white p-4">
        {Array.from({ length: 8 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders, never reordered
          <Skeleton key={i} className="h-8" />
        ))}
      </div>
    </div>
  );
}
