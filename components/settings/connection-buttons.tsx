"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/action-result";

type Result = ActionResult<{ error: string } | undefined>;

/** A button that runs a redirecting server action, with a pending state and its refusal shown beside it. */
export function ActionButton({
  action,
  label,
  pendingLabel,
  variant = "primary",
  size,
}: {
  action: () => Promise<Result>;
  label: string;
  pendingLabel: string;
  variant?: "primary" | "secondary" | "danger";
  size?: "sm" | "md";
}) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-1">
      <Button
        variant={variant}
        size={size}
        pending={pending}
        pendingLabel={pendingLabel}
        onClick={() =>
          start(async () => {
            setError(null);
            const result = await action();
            if (!result.ok) setError(result.formError ?? "That did not work.");
            else if (result.data?.error) setError(result.data.error);
          })
        }
      >
        {label}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
