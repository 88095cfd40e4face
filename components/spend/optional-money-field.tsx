import type { UseFormRegisterReturn } from "react-hook-form";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type Props = {
  id: string;
  label: string;
  /** What a blank amount means ("no cap", "no limit"): shown as the field's description. */
  blankMeans: string;
  error?: string;
  registration: UseFormRegisterReturn;
};

/** An amount an admin may leave blank (a cap or limit that then does not apply). */
export function OptionalMoneyField({ id, label, blankMeans, error, registration }: Props) {
  return (
    <Field id={id} label={label} description={`Blank: ${blankMeans}`} error={error}>
      <Input
        inputMode="decimal"
        autoComplete="off"
        {...registration}
        {...fieldAria(id, { error, description: true })}
      />
    </Field>
  );
}
