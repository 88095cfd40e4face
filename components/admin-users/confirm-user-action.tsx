"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { UserActionOutcome } from "@/app/(app)/admin/users/actions";
import { Alert } from "@/components/ui/alert";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/auth/action-result";

type Props = {
  label: string;
  /** The row's user, for the button's accessible name ("Suspend rep@…"). */
  who: string;
  title: string;
  description: string;
  confirmLabel: string;
  pendingLabel: string;
  done: string;
  variant?: ButtonVariant;
  run: () => Promise<ActionResult<UserActionOutcome>>;
};

/** A row button that asks before ending someone's access, then says what happened. */
export function ConfirmUserAction({
  label,
  who,
  title,
  description,
  confirmLabel,
  pendingLabel,
  done,
  variant,
  run,
}: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  function confirm() {
    startTransition(async () => {
      const result = await run();
      if (result.ok && result.data.status === "done") {
        setOpen(false);
        setError(undefined);
        toast.success(done);
        router.refresh();
        return;
      }
      setError(
        result.ok && result.data.status === "refused"
          ? result.data.message
          : result.ok
            ? undefined
            : result.formError,
      );
    });
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm" aria-label={`${label} ${who}`}>
          {label}
        </Button>
      </DialogTrigger>
      <DialogContent title={title} description={description}>
        {error ? <Alert tone="danger" role="alert" title={error} /> : null}
        <div className="flex justify-end gap-3">
          <DialogClose asChild>
            <Button variant="ghost">Cancel</Button>
          </DialogClose>
          <Button
            variant={variant ?? "danger"}
            onClick={confirm}
            pending={pending}
            pendingLabel={pendingLabel}
          >
            {confirmLabel}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
