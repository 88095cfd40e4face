import type { ReactNode } from "react";

export type EmptyStateProps = { title: string; body: ReactNode; children?: ReactNode };

/** A dashed box that says why a list is empty; `children` is the way out (usually one link). */
export function EmptyState({ title, body, children }: EmptyStateProps) {
  return (
    <div className="flex flex-col items-start gap-3 rounded-card border border-dashed border-line-strong p-8">
      <p className="font-medium">{title}</p>
      <p className="text-sm text-ink-muted">{body}</p>
      {children}
    </div>
  );
}
