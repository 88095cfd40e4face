"use client";

import { LocalTime } from "@/components/app/local-time";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import type { PriorSend } from "@/lib/sends/recipient-history";

type Props = {
  priorSends: PriorSend[] | null;
  email: string;
  onConfirm(): void;
  onCancel(): void;
  pending: boolean;
};

/** Two reps gifting one person in the same month looks careless; the rep decides knowingly. */
export function RepeatRecipientDialog({ priorSends, email, onConfirm, onCancel, pending }: Props) {
  return (
    <Dialog open={priorSends !== null} onOpenChange={(open) => (open ? undefined : onCancel())}>
      <DialogContent
        title="This recipient was gifted recently"
        description={`Gift Desk already has these gifts to ${email}. Send another anyway?`}
      >
        <ul className="my-4 flex flex-col gap-2 text-sm" data-testid="prior-sends">
          {(priorSends ?? []).map((p) => (
            <li
              key={`${p.createdAt}-${p.touchName ?? "someone"}`}
              className="rounded-control border border-line px-3 py-2"
            >
              {p.outsideScope ? (
                // Outside the rep's scope only the day is told (issue 16).
                <>Someone in your organisation sent this person a gift on {p.createdAt}</>
              ) : (
                <>
                  <strong>{p.senderName}</strong> sent <strong>{p.touchName}</strong> on{" "}
                  <LocalTime iso={p.createdAt} />
                </>
              )}
            </li>
          ))}
        </ul>
        <div className="flex justify-end gap-3">
          <DialogClose asChild>
            <Button variant="secondary">Don't send</Button>
          </DialogClose>
          <Button onClick={onConfirm} pending={pending} pendingLabel="Sending…">
            Send anyway
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
