"use client";

import { useState } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { fieldErrorsOf, outcomeError, type SettingsAction } from "./settings-outcome";

/**
 * Submits a spend-settings form through its server action: server field errors land on the fields
 * (like client ones), a refusal shows as the form's error, success is a toast.
 */
export function useSettingsForm<TInput extends FieldValues, TOutput>(
  form: UseFormReturn<TInput, unknown, TOutput>,
  action: SettingsAction<TOutput>,
  successMessage: string,
  onSaved?: () => void,
) {
  const [formError, setFormError] = useState<string | null>(null);
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    let result: Awaited<ReturnType<typeof action>>;
    try {
      result = await action(values);
    } catch {
      setFormError("Gift Desk did not answer. Nothing may have been saved; try again.");
      return;
    }
    for (const [field, messages] of Object.entries(fieldErrorsOf(result))) {
      if (messages?.[0]) form.setError(field as Path<TInput>, { type: "server", message: messages[0] });
    }
    const error = outcomeError(result);
    if (error) {
      setFormError(error);
      return;
    }
    toast.success(successMessage);
    onSaved?.();
  });
  return { onSubmit, formError };
}
