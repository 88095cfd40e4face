"use client";

import { cn } from "./cn";
import { Icon } from "./icons";
import { focusRing } from "./styles";
import { useHydrated } from "./use-hydrated";

export type CheckboxProps = {
  id: string;
  checked: boolean;
  onCheckedChange(checked: boolean): void;
  label: string;
  description?: string;
  disabled?: boolean;
  /** Form field name: the native input submits "on" when checked, like any checkbox. */
  name?: string;
  className?: string;
};

/**
 * A native checkbox, styled (keyboard, form submission and the checkbox role come with the element),
 * with its visible `<label htmlFor={id}>` and optional description.
 */
export function Checkbox({
  id,
  checked,
  onCheckedChange,
  label,
  description,
  disabled,
  name,
  className,
}: CheckboxProps) {
  // Disabled until hydrated: a click before then would be undone when React takes the box over.
  const hydrated = useHydrated();
  const descriptionId = description ? `${id}-description` : undefined;
  return (
    <div className={cn("flex items-start gap-3", className)} data-slot="checkbox">
      <span className="relative mt-0.5 inline-flex size-5 shrink-0">
        <input
          type="checkbox"
          id={id}
          name={name}
          checked={checked}
          onChange={(event) => onCheckedChange(event.target.checked)}
          disabled={disabled || !hydrated}
          aria-describedby={descriptionId}
          className={cn(
            "peer size-5 cursor-pointer appearance-none rounded border border-line-strong bg-white shadow-xs transition-colors",
            "checked:border-brand-600 checked:bg-brand-600",
            "disabled:cursor-not-allowed disabled:opacity-60",
            focusRing,
          )}
        />
        <Icon
          name="check"
          className="pointer-events-none absolute inset-0 m-auto hidden size-3.5 stroke-[2.5] text-white peer-checked:block"
        />
      </span>
      <div className="flex flex-col gap-0.5">
        <label
          htmlFor={id}
          className={cn("text-sm font-medium text-ink", disabled ? "cursor-not-allowed" : "cursor-pointer")}
        >
          {label}
        </label>
        {description ? (
          <p id={descriptionId} className="text-sm text-ink-muted">
            {description}
          </p>
        ) : null}
      </div>
    </div>
  );
}
