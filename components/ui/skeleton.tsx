import { cn } from "./cn";

export type SkeletonProps = { className?: string };

/** Loading placeholder block. Decorative: announce loading state with text elsewhere (e.g. aria-busy). */
export function Skeleton({ className }: SkeletonProps) {
  return (
    <div
      aria-hidden="true"
      data-slot="skeleton"
      className={cn(
        "h-4 w-full animate-pulse rounded-control bg-slate-200 motion-reduce:animate-none",
        className,
      )}
    />
  );
}
