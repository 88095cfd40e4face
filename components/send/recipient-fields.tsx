"use client";

import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { hasPlusAddressing } from "@/lib/validation/send";
import { errorFor, type SendForm } from "./form-types";

export function RecipientFields({ form, nameRequired }: { form: SendForm; nameRequired: boolean }) {
  const { register, formState, watch } = form;
  const nameError = errorFor(formState.errors, "recipientName");
  const emailError = errorFor(formState.errors, "recipientEmail");
  const companyError = errorFor(formState.errors, "recipientCompany");
  const plus = hasPlusAddressing(String(watch("recipientEmail") ?? ""));
  return (
    <>
      <Field id="recipientName" label="Recipient name" required={nameRequired} error={nameError}>
        <Input
          autoComplete="off"
          {...register("recipientName")}
          {...fieldAria("recipientName", { error: nameError })}
          required={nameRequired}
        />
      </Field>
      <Field
        id="recipientEmail"
        label="Recipient email"
        required
        error={emailError}
        description={
          plus
            ? "Sendoso may hold gifts to “+” addresses as suspicious. Use the plain address if you can."
            : undefined
        }
      >
        <Input
          type="email"
          autoComplete="off"
          {...register("recipientEmail")}
          {...fieldAria("recipientEmail", { error: emailError, description: plus })}
          required
        />
      </Field>
      <Field id="recipientCompany" label="Company" error={companyError} className="sm:col-span-2">
        <Input
          autoComplete="off"
          {...register("recipientCompany")}
          {...fieldAria("recipientCompany", { error: companyError })}
        />
      </Field>
    </>
  );
}
