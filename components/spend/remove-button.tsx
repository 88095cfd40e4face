"use client";

import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { outcomeError, type SettingsAction } from "./settings-outcome";

/** Removes one setting: a pending state while it runs, a toast either way. */
export function RemoveButton<T>({
  action,
  input,
  label,
  done,
}: {
  action: SettingsAction<T>;
  input: T;
  /** Accessible name, e.g. "Remove team a's budget". */
  label: string;
  done: string;
}) {
  const [pending, start] = useTransition();
  return (
    <Button
      variant="secondary"
      size="sm"
      aria-label={label}
      pending={pending}
      pendingLabel="Removing…"
      onClick={() =>
        start(async () => {
          const error = outcomeError(await action(input).catch(() => ({ ok: false as const })));
          if (error) toast.error(error);
          else toast.success(done);
        })
      }
    >
      Remove
    </Button>
  );
}
