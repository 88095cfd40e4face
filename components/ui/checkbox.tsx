import { Checkbox as CheckboxPrimitive } from "radix-ui";
import { cn } from "./cn";
import { Icon } from "./icons";
import { focusRing } from "./styles";

export type CheckboxProps = {
  id: string;
  checked: boolean;
  onCheckedChange(checked: boolean): void;
  label: string;
  description?: string;
  disabled?: boolean;
  /** Form field name; Radix renders a hidden native input when inside a <form>. */
  name?: string;
  className?: string;
};

/** Radix checkbox with its visible `<label htmlFor={id}>` and optional description. */
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
  const descriptionId = description ? `${id}-description` : undefined;
  return (
    <div className={cn("flex items-start gap-3", className)} data-slot="checkbox">
      <CheckboxPrimitive.Root
        id={id}
        name={name}
        checked={checked}
        onCheckedChange={(value) => onCheckedChange(value === true)}
        disabled={disabled}
        aria-describedby={descriptionId}
        className={cn(
          "mt-0.5 inline-flex size-5 shrink-0 items-center justify-center rounded border border-line-strong bg-white text-white shadow-xs transition-colors",
          "data-[state=checked]:border-brand-600 data-[state=checked]:bg-brand-600",
          "disabled:cursor-not-allowed disabled:opacity-60",
          focusRing,
        )}
      >
        <CheckboxPrimitive.Indicator className="flex items-center justify-center">
          <Icon name="check" className="size-3.5 stroke-[2.5]" />
        </CheckboxPrimitive.Indicator>
      </CheckboxPrimitive.Root>
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
