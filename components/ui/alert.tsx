import type * as React from "react";
import { cn } from "./cn";
import { Icon } from "./icons";

export type AlertTone = "info" | "success" | "warning" | "danger";

const toneClasses: Record<AlertTone, string> = {
  info: "border-info-border bg-info-soft text-info-strong",
  success: "border-success-border bg-success-soft text-success-strong",
  warning: "border-warning-border bg-warning-soft text-warning-strong",
  danger: "border-danger-border bg-danger-soft text-danger-strong",
};

export type AlertProps = {
  tone: AlertTone;
  title: string;
  children?: React.ReactNode;
  /** "status" (polite, default) or "alert" (assertive, for errors that need attention now). */
  role?: "alert" | "status";
  className?: string;
};

export function Alert({ tone, title, children, role = "status", className }: AlertProps) {
  return (
    <div
      role={role}
      data-tone={tone}
      className={cn("flex gap-3 rounded-card border px-4 py-3 text-sm", toneClasses[tone], className)}
    >
      <Icon name={tone} className="mt-0.5 size-5" />
      <div className="flex min-w-0 flex-col gap-1">
        <p className="font-semibold">{title}</p>
        {children ? <div className="text-ink">{children}</div> : null}
      </div>
    </div>
  );
}
