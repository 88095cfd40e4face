"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { startBulkBatch } from "@/app/(app)/send/bulk/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** The one Start button; a second press (or tab) finds the batch already started and nothing doubles. */
export function StartPanel({
  batchId,
  sendable,
  skipped,
}: {
  batchId: string;
  sendable: number;
  skipped: number;
}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-3">
      {error ? (
        <Alert tone="danger" role="alert" title="The batch did not start">
          {error}
        </Alert>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="button"
          disabled={sendable === 0}
          pending={pending}
          pendingLabel="Starting…"
          onClick={async () => {
            if (pending) return;
            setPending(true);
            setError(null);
            const result = await startBulkBatch({ batchId });
            if (!result.ok) setError(result.formError ?? "The batch did not start.");
            else if (result.data?.kind === "refused")
              setError(result.data.message ?? "The batch did not start.");
            setPending(false);
            router.refresh();
          }}
        >
          Send {sendable.toLocaleString("en-US")} gifts
        </Button>
        {skipped > 0 ? (
          <p className="text-sm text-ink-muted">
            {skipped.toLocaleString("en-US")} invalid or blocked rows will not be sent.
          </p>
        ) : null}
      </div>
    </div>
  );
}
