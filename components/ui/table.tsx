import type * as React from "react";
import { cn } from "./cn";
import { focusRing } from "./styles";

export type TableProps = React.ComponentProps<"table"> & {
  /** Names the scrollable region wrapping the table (required for axe's scrollable-region rule). */
  "aria-label": string;
  containerClassName?: string;
};

/** `<table>` inside a keyboard-focusable, horizontally scrollable region. */
export function Table({ "aria-label": ariaLabel, containerClassName, className, ...props }: TableProps) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: explicit region role on a plain scroll container
    <div
      role="region"
      aria-label={ariaLabel}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users must be able to scroll the region
      tabIndex={0}
      className={cn(
        "w-full overflow-x-auto rounded-card border border-line bg-white shadow-card",
        focusRing,
        containerClassName,
      )}
    >
      <table className={cn("w-full border-collapse text-left text-sm", className)} {...props} />
    </div>
  );
}

export function TableHead({ className, ...props }: React.ComponentProps<"thead">) {
  return <thead className={cn("border-b border-line bg-surface-muted", className)} {...props} />;
}

export function TableBody({ className, ...props }: React.ComponentProps<"tbody">) {
  return <tbody className={cn("divide-y divide-line", className)} {...props} />;
}

export function TableRow({ className, ...props }: React.ComponentProps<"tr">) {
  return <tr className={cn("transition-colors hover:bg-canvas", className)} {...props} />;
}

export function TableHeader({ className, scope = "col", ...props }: React.ComponentProps<"th">) {
  return (
    <th
      scope={scope}
      className={cn(
        "whitespace-nowrap px-4 py-2.5 text-xs font-semibold text-slate-700 uppercase",
        className,
      )}
      {...props}
    />
  );
}

export function TableCell({ className, ...props }: React.ComponentProps<"td">) {
  return <td className={cn("px-4 py-3 align-middle text-ink", className)} {...props} />;
}
