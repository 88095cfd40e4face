"use client";

import { useRef, useState } from "react";
import type { ActionResult } from "@/lib/auth/action-result";
import type { PriorSend } from "@/lib/sends/recipient-history";
import type { SubmitResult } from "@/lib/sends/send-service";
import type { SendGiftField, SendGiftValues } from "@/lib/validation/send";
import type { SendForm } from "./form-types";
import { clearFormDraft } from "./use-form-draft";

export type SendGiftAction = (input: SendGiftValues) => Promise<ActionResult<SubmitResult>>;

export type SettledOutcome = Extract<
  SubmitResult,
  { status: "sent" | "unknown" | "pending_approval" | "key_reused" }
> & {
  values: SendGiftValues;
};

/** The form's message box: its heading always matches what happened (only a definite no says "not sent"). */
export type FormNotice = { tone: "danger" | "warning" | "info"; title: string; message: string };

const notice = (tone: FormNotice["tone"], title: string, message: string): FormNotice => ({
  tone,
  title,
  message,
});

const LOST_CONNECTION =
  "We lost the connection before Gift Desk answered. Press Send again: this form cannot send the same gift twice.";

/**
 * Submits the send form at most once at a time. The idempotency key lives in the form's values: it stays
 * the same across retries of this form (so a resubmit can never send twice) and is replaced only after a
 * definite outcome.
 */
export function useSendGift(form: SendForm, sendGift: SendGiftAction) {
  const running = useRef(false);
  const [formError, setFormError] = useState<FormNotice | null>(null);
  const [outcome, setOutcome] = useState<SettledOutcome | null>(null);
  const [priorSends, setPriorSends] = useState<PriorSend[] | null>(null);
  const [budgetRefusal, setBudgetRefusal] = useState<string | null>(null);

  const handle = (data: SubmitResult, values: SendGiftValues) => {
    switch (data.status) {
      case "sent":
      case "unknown":
      case "pending_approval":
        clearFormDraft();
        setOutcome({ ...data, values });
        return;
      case "key_reused":
        // This key belongs to another send: show what became of it; only "Start a new send" mints a key.
        setOutcome({ ...data, values });
        return;
      case "failed":
        if (data.field) form.setError(data.field, { type: "server", message: data.message });
        setFormError(notice("danger", "The gift was not sent", data.message));
        // A definite "no": fixing the form and sending again is a new intent.
        form.setValue("idempotencyKey", crypto.randomUUID());
        return;
      case "in_progress":
        // Keep the key: pressing Send again returns this send's outcome once it settles.
        setFormError(notice("info", "Still being sent", data.message));
        return;
      case "needs_confirmation":
        setPriorSends(data.priorSends);
        return;
      case "blocked":
        setFormError(notice("danger", "Not sent: this recipient has an unconfirmed gift", data.message));
        return;
      case "over_budget":
        // Nothing was recorded: the same form (and key) may be sent again with a cheaper touch.
        setBudgetRefusal(data.message);
        return;
      case "not_connected":
        setFormError(notice("danger", "Connect Sendoso first — nothing was sent", data.message));
        return;
      case "not_sent":
        setFormError(notice("danger", "Nothing was sent", data.message));
        return;
    }
  };

  const send = async (values: SendGiftValues) => {
    const result = await sendGift(values);
    if (result.ok) return handle(result.data, values);
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      if (messages?.[0]) form.setError(field as SendGiftField, { type: "server", message: messages[0] });
    }
    setFormError(
      notice("warning", "Something went wrong", result.formError ?? "Check History before trying again."),
    );
  };

  const submit = form.handleSubmit(async (values) => {
    // A second click lands before React re-renders the disabled button; this ref drops it.
    if (running.current) return;
    running.current = true;
    setFormError(null);
    setBudgetRefusal(null);
    try {
      await send(values);
    } catch {
      // Same key, so asking again can only return this send's outcome, never send a second gift.
      setFormError(notice("warning", "Lost the connection — checking", "Asking Gift Desk what happened…"));
      try {
        await new Promise((r) => setTimeout(r, 1_000));
        await send(values);
      } catch {
        setFormError(notice("warning", "Lost the connection — checking", LOST_CONNECTION));
      }
    } finally {
      running.current = false;
    }
  });

  /** The rep saw who else gifted this recipient and sends anyway. */
  const confirmRepeat = async () => {
    setPriorSends(null);
    form.setValue("confirmRepeatRecipient", true);
    await submit();
  };

  const startOver = () => {
    setOutcome(null);
    setFormError(null);
    setBudgetRefusal(null);
    clearFormDraft();
    form.reset({ ...form.formState.defaultValues, idempotencyKey: crypto.randomUUID() });
  };

  return {
    submit,
    formError,
    budgetRefusal,
    outcome,
    startOver,
    priorSends,
    confirmRepeat,
    dismissRepeat: () => setPriorSends(null),
  };
}
