"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { cancelPendingSendAction } from "@/app/(app)/history/[id]/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { STATE_LABEL } from "./labels";

/** The rep withdraws their own pending gift, after a confirm step. */
export function CancelPendingDialog({ sendId }: { sendId: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();

  const cancel = () =>
    start(async () => {
      setError(undefined);
      const result = await cancelPendingSendAction({ sendId }).catch(() => null);
      if (!result) return setError("Gift Desk did not answer. Try again.");
      if (!result.ok) return setError(result.formError ?? "That did not work.");
      const data = result.data;
      if (data.status === "cancelled") {
        setOpen(false);
        router.refresh();
        return;
      }
      setError(
        data.status === "not_pending"
          ? `Too late to cancel: this gift is now “${STATE_LABEL[data.state]}”.`
          : "This send could not be found.",
      );
    });

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary">Cancel request…</Button>
      </DialogTrigger>
      <DialogContent
        title="Cancel this gift request?"
        description="It stops waiting for approval and is never sent. The budget it held is released."
      >
        {error ? <Alert tone="danger" role="alert" title={error} /> : null}
        <div className="flex justify-end gap-3">
          <DialogClose asChild>
            <Button variant="secondary">Keep waiting</Button>
          </DialogClose>
          <Button variant="danger" onClick={cancel} pending={pending} pendingLabel="Cancelling…">
            Cancel request
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
