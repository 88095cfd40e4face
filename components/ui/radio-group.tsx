"use client";

import { cn } from "./cn";
import { focusRing } from "./styles";
import { useHydrated } from "./use-hydrated";

export type RadioOption = { value: string; label: string; description?: string };

export type RadioGroupProps = {
  name: string;
  value: string;
  onValueChange(value: string): void;
  options: RadioOption[];
  "aria-labelledby"?: string;
  "aria-label"?: string;
  /** Each item gets id `${idPrefix}-${value}`. */
  idPrefix: string;
  disabled?: boolean;
  className?: string;
};

/**
 * Native radio buttons in a `role="radiogroup"` (arrow keys move and select, as the browser does it);
 * every option has a visible `<label htmlFor>` and optional description.
 */
export function RadioGroup({
  name,
  value,
  onValueChange,
  options,
  "aria-labelledby": ariaLabelledBy,
  "aria-label": ariaLabel,
  idPrefix,
  disabled,
  className,
}: RadioGroupProps) {
  // Disabled until hydrated: a choice made before then would be undone when React takes the group over.
  const hydrated = useHydrated();
  return (
    <div
      role="radiogroup"
      aria-labelledby={ariaLabelledBy}
      aria-label={ariaLabel}
      aria-disabled={disabled || undefined}
      className={cn("flex flex-col gap-3", className)}
    >
      {options.map((option) => {
        const id = `${idPrefix}-${option.value}`;
        const descriptionId = option.description ? `${id}-description` : undefined;
        return (
          <div key={option.value} className="flex items-start gap-3">
            <input
              type="radio"
              id={id}
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onValueChange(option.value)}
              disabled={disabled || !hydrated}
              aria-describedby={descriptionId}
              className={cn(
                "mt-0.5 size-5 shrink-0 cursor-pointer appearance-none rounded-full border border-line-strong bg-white shadow-xs transition-colors",
                // The dot: an inset ring of white inside the brand colour once checked.
                "checked:border-brand-600 checked:bg-brand-600 checked:shadow-[inset_0_0_0_4px_#fff]",
                "disabled:cursor-not-allowed disabled:opacity-60",
                focusRing,
              )}
            />
            <div className="flex flex-col gap-0.5">
              <label
                htmlFor={id}
                className={cn(
                  "text-sm font-medium text-ink",
                  disabled ? "cursor-not-allowed" : "cursor-pointer",
                )}
              >
                {option.label}
              </label>
              {option.description ? (
                <p id={descriptionId} className="text-sm text-ink-muted">
                  {option.description}
                </p>
              ) : null}
            </div>
          </div>
        );
      })}
    </div>
  );
}
