"use client";

import { type FormEvent, useState, useTransition } from "react";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, fieldAria } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/auth/action-result";
import type { DecisionResult } from "@/lib/sends/approval-decisions";
import { REJECT_REASON_MAX, rejectSendSchema } from "@/lib/validation/spend";
import { type DecisionView, describeDecision } from "./decision-outcome";

type Props = {
  sendId: string;
  recipient: string;
  reject(input: { sendId: string; reason: string }): Promise<ActionResult<DecisionResult>>;
  onDecided(view: DecisionView): void;
};

/** Reject with a required reason (checked here and again by the action with the same schema). */
export function RejectDialog({ sendId, recipient, reject, onDecided }: Props) {
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const [reasonError, setReasonError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const fieldId = `reject-reason-${sendId}`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { sendId, reason: String(new FormData(event.currentTarget).get("reason") ?? "") };
    const checked = rejectSendSchema.safeParse(input);
    if (!checked.success) {
      setReasonError(z.flattenError(checked.error).fieldErrors.reason?.[0]);
      return;
    }
    start(async () => {
      const result: ActionResult<DecisionResult> = await reject(checked.data).catch(() => ({
        ok: false,
        formError: "Gift Desk did not answer. Try again.",
      }));
      if (!result.ok && result.fieldErrors?.reason) {
        setReasonError(result.fieldErrors.reason[0]);
        return;
      }
      const view = describeDecision(result);
      if (!view.final) {
        setFormError(view.title);
        return;
      }
      setOpen(false);
      onDecided(view);
    });
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary">Reject…</Button>
      </DialogTrigger>
      <DialogContent
        title={`Reject the gift to ${recipient}`}
        description="Nothing is sent and the budget it held is released. The rep sees your reason."
      >
        <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
          {formError ? <Alert tone="danger" role="alert" title={formError} /> : null}
          <Field id={fieldId} label="Reason for the rep" error={reasonError} required>
            <Textarea
              {...fieldAria(fieldId, { error: reasonError })}
              name="reason"
              required
              maxLength={REJECT_REASON_MAX}
              placeholder="e.g. We already sent this account a gift this quarter"
            />
          </Field>
          <div className="flex justify-end gap-3">
            <DialogClose asChild>
              <Button variant="secondary">Keep waiting</Button>
            </DialogClose>
            <Button type="submit" variant="danger" pending={pending} pendingLabel="Rejecting…">
              Reject gift
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
