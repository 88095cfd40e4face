import type * as React from "react";
import { cn } from "./cn";

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger" | "brand";

const toneClasses: Record<BadgeTone, string> = {
  neutral: "border-slate-200 bg-surface-muted text-slate-700",
  info: "border-info-border bg-info-soft text-info-strong",
  success: "border-success-border bg-success-soft text-success-strong",
  warning: "border-warning-border bg-warning-soft text-warning-strong",
  danger: "border-danger-border bg-danger-soft text-danger-strong",
  brand: "border-brand-200 bg-brand-50 text-brand-800",
};

export type BadgeProps = { tone?: BadgeTone; children: React.ReactNode; className?: string };

/** Small status label. Colour is decoration only: the text must carry the meaning. */
export function Badge({ tone = "neutral", children, className }: BadgeProps) {
  return (
    <span
      data-tone={tone}
      className={cn(
        "inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium",
        toneClasses[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}
