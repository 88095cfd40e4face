"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState, useTransition } from "react";
import { markSendNotSent } from "@/app/(app)/history/[id]/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, fieldAria } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { RESOLVE_REASON_MAX } from "@/lib/validation/history-resolve";
import { STATE_LABEL } from "./labels";

/** Confirms, with a required reason, that an `unknown` send never went out (unknown → not sent). */
export function MarkNotSentDialog({ sendId }: { sendId: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [reasonError, setReasonError] = useState<string>();
  const [formError, setFormError] = useState<string>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "");
    startTransition(async () => {
      const result = await markSendNotSent({ sendId, reason });
      if (!result.ok) {
        setReasonError(result.fieldErrors?.reason?.[0]);
        setFormError(result.fieldErrors?.reason ? undefined : result.formError);
        return;
      }
      if (result.data.status === "not_sent") {
        setOpen(false);
        router.refresh();
        return;
      }
      setReasonError(undefined);
      const data = result.data;
      // Refused: the window is open, or Sendoso may have it; the reason says which and what to do.
      setFormError(
        data.status === "refused"
          ? data.message
          : data.status === "not_found"
            ? "This send could not be found."
            : `Nothing was changed: this send is now “${STATE_LABEL[data.state]}”.`,
      );
    });
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary">Mark not sent…</Button>
      </DialogTrigger>
      <DialogContent
        title="Mark this send not sent"
        description="Only after checking in Sendoso that this gift does not exist. Gift Desk first checks Sendoso's send list itself. The recipient can then be sent a new gift."
      >
        <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
          {formError ? <Alert tone="danger" role="alert" title={formError} /> : null}
          <Field id="reason" label="How did you check?" error={reasonError} required>
            <Textarea
              {...fieldAria("reason", { error: reasonError })}
              name="reason"
              required
              maxLength={RESOLVE_REASON_MAX}
              placeholder="e.g. Searched Sendoso's send tracker for the recipient: no send on that day"
            />
          </Field>
          <div className="flex justify-end gap-3">
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" variant="danger" pending={pending} pendingLabel="Checking Sendoso…">
              Mark not sent
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
