import { RadioGroup as RadioGroupPrimitive } from "radix-ui";
import { cn } from "./cn";
import { focusRing } from "./styles";

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

/** Radix radio group; every option has a visible `<label htmlFor>` and optional description. */
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
  return (
    <RadioGroupPrimitive.Root
      name={name}
      value={value}
      onValueChange={onValueChange}
      aria-labelledby={ariaLabelledBy}
      aria-label={ariaLabel}
      disabled={disabled}
      className={cn("flex flex-col gap-3", className)}
    >
      {options.map((option) => {
        const id = `${idPrefix}-${option.value}`;
        const descriptionId = option.description ? `${id}-description` : undefined;
        return (
          <div key={option.value} className="flex items-start gap-3">
            <RadioGroupPrimitive.Item
              id={id}
              value={option.value}
              aria-describedby={descriptionId}
              className={cn(
                "mt-0.5 inline-flex size-5 shrink-0 items-center justify-center rounded-full border border-line-strong bg-white shadow-xs transition-colors",
                "data-[state=checked]:border-brand-600",
                "disabled:cursor-not-allowed disabled:opacity-60",
                focusRing,
              )}
            >
              <RadioGroupPrimitive.Indicator className="block size-2.5 rounded-full bg-brand-600" />
            </RadioGroupPrimitive.Item>
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
    </RadioGroupPrimitive.Root>
  );
}
