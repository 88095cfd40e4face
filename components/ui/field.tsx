import type * as React from "react";
import { cn } from "./cn";
import { Icon } from "./icons";

export type FieldProps = {
  /** id of the control inside; the label points at it. */
  id: string;
  label: string;
  description?: React.ReactNode;
  error?: string;
  /** Shows a visual (aria-hidden) marker; the control itself must carry `required`. */
  required?: boolean;
  children: React.ReactNode;
  className?: string;
};

/** Label + control + description + error for one form control. Spread `fieldAria(id, …)` on the control. */
export function Field({ id, label, description, error, required, children, className }: FieldProps) {
  return (
    <div className={cn("flex flex-col gap-1.5", className)} data-slot="field">
      <label htmlFor={id} className="text-sm font-medium text-ink">
        {label}
        {required ? (
          <span aria-hidden="true" className="ms-0.5 text-danger">
            *
          </span>
        ) : null}
      </label>
      {children}
      {description ? (
        <p id={`${id}-description`} className="text-sm text-ink-muted">
          {description}
        </p>
      ) : null}
      {error ? (
        <p
          id={`${id}-error`}
          data-testid={`${id}-error`}
          className="flex items-start gap-1.5 text-sm font-medium text-danger"
        >
          <Icon name="danger" className="mt-0.5" />
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}

export type FieldAria = { id: string; "aria-invalid"?: true; "aria-describedby"?: string };

/** Attributes to spread on the control rendered inside `<Field id={id}>`. */
export function fieldAria(id: string, opts: { error?: string; description?: boolean } = {}): FieldAria {
  const describedBy: string[] = [];
  if (opts.description) describedBy.push(`${id}-description`);
  if (opts.error) describedBy.push(`${id}-error`);
  const aria: FieldAria = { id };
  if (opts.error) aria["aria-invalid"] = true;
  if (describedBy.length > 0) aria["aria-describedby"] = describedBy.join(" ");
  return aria;
}
