"use client";

import { useRef, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/auth/action-result";
import type { SubmitResult } from "@/lib/sends/send-service";
import type { SendGiftField, SendGiftInput, SendGiftValues } from "@/lib/validation/send";

export type SendGiftAction = (input: SendGiftValues) => Promise<ActionResult<SubmitResult>>;

export type SettledOutcome = Extract<SubmitResult, { status: "sent" | "unknown" }> & {
  values: SendGiftValues;
};

/**
 * Submits the send form at most once at a time. The idempotency key lives in the form's values: it stays
 * the same across retries of this form (so a resubmit can never send twice) and is replaced only after a
 * definite outcome.
 */
export function useSendGift(
  form: UseFormReturn<SendGiftInput, unknown, SendGiftValues>,
  sendGift: SendGiftAction,
) {
  const running = useRef(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<SettledOutcome | null>(null);

  const showFieldErrors = (fieldErrors: Partial<Record<string, string[]>>) => {
    for (const [field, messages] of Object.entries(fieldErrors)) {
      if (messages?.[0]) form.setError(field as SendGiftField, { type: "server", message: messages[0] });
    }
  };

  const submit = form.handleSubmit(async (values) => {
    // A second click lands before React re-renders the disabled button; this ref drops it.
    if (running.current) return;
    running.current = true;
    setFormError(null);
    try {
      const result = await sendGift(values);
      if (!result.ok) {
        showFieldErrors(result.fieldErrors ?? {});
        setFormError(result.formError ?? "The gift was not sent.");
        return;
      }
      const data = result.data;
      if (data.status === "sent" || data.status === "unknown") {
        setOutcome({ ...data, values });
      } else if (data.status === "failed") {
        if (data.field) form.setError(data.field, { type: "server", message: data.message });
        setFormError(data.message);
        // A definite "no": fixing the form and sending again is a new intent.
        form.setValue("idempotencyKey", crypto.randomUUID());
      } else {
        setFormError(data.message);
      }
    } catch {
      setFormError(
        "We lost the connection before Gift Desk answered. Press Send again: this form cannot send the same gift twice.",
      );
    } finally {
      running.current = false;
    }
  });

  const startOver = () => {
    setOutcome(null);
    setFormError(null);
    form.reset({ ...form.formState.defaultValues, idempotencyKey: crypto.randomUUID() });
  };

  return { submit, formError, outcome, startOver };
}
