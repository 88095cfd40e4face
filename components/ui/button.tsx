import type * as React from "react";
import { cn } from "./cn";
import { Spinner } from "./spinner";
import { focusRing } from "./styles";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
export type ButtonSize = "sm" | "md";

const variantClasses: Record<ButtonVariant, string> = {
  primary:
    "border border-transparent bg-brand-600 text-white shadow-xs hover:bg-brand-700 active:bg-brand-800",
  secondary:
    "border border-line-strong bg-white text-ink shadow-xs hover:bg-surface-muted active:bg-slate-200",
  ghost: "border border-transparent bg-transparent text-brand-700 hover:bg-brand-50 active:bg-brand-100",
  danger: "border border-transparent bg-danger text-white shadow-xs hover:bg-danger-strong active:bg-red-900",
};

const sizeClasses: Record<ButtonSize, string> = {
  sm: "h-8 gap-1.5 px-3 text-sm",
  md: "h-10 gap-2 px-4 text-sm",
};

export type ButtonStyleOptions = { variant?: ButtonVariant; size?: ButtonSize; className?: string };

/** Button look for non-button elements, e.g. `<Link className={buttonClasses({ variant: "secondary" })}>`. */
export function buttonClasses({
  variant = "primary",
  size = "md",
  className,
}: ButtonStyleOptions = {}): string {
  return cn(
    "inline-flex shrink-0 select-none items-center justify-center whitespace-nowrap rounded-control font-medium no-underline transition-colors",
    "disabled:cursor-not-allowed disabled:not-aria-busy:opacity-60 aria-busy:cursor-wait",
    focusRing,
    variantClasses[variant],
    sizeClasses[size],
    className,
  );
}

export type ButtonProps = React.ComponentProps<"button"> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Disables the button, sets aria-busy and shows a spinner plus `pendingLabel ?? children`. */
  pending?: boolean;
  pendingLabel?: string;
};

export function Button({
  variant = "primary",
  size = "md",
  pending = false,
  pendingLabel,
  type = "button",
  disabled,
  className,
  children,
  ...props
}: ButtonProps) {
  return (
    <button
      type={type}
      disabled={disabled || pending}
      aria-busy={pending ? "true" : undefined}
      data-pending={pending ? "" : undefined}
      className={buttonClasses({ variant, size, className })}
      {...props}
    >
      {pending ? (
        <>
          <Spinner />
          {pendingLabel ?? children}
        </>
      ) : (
        children
      )}
    </button>
  );
}
