import type { ReactNode } from "react";
import { Skeleton } from "./skeleton";

export type PageLoadingProps = { title: string; status: string; children: ReactNode };

/** A loading.tsx body: the page's real heading, a spoken status line, then the page's skeleton shape. */
export function PageLoading({ title, status, children }: PageLoadingProps) {
  return (
    <div className="flex flex-col gap-6" aria-busy="true">
      <div>
        <h1 className="text-2xl font-semibold">{title}</h1>
        <p className="text-ink-muted" role="status">
          {status}
        </p>
      </div>
      {children}
    </div>
  );
}

/** Placeholder rows in a card, so a table keeps its shape while it loads. */
export function TableSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <div className="flex flex-col gap-3 rounded-card border border-line bg-white p-4">
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders, never reordered
        <Skeleton key={i} className="h-8" />
      ))}
    </div>
  );
}
