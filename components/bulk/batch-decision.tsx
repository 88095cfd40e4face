"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { z } from "zod";
import { approveBulkBatch, rejectBulk } from "@/app/(app)/send/bulk/approval-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { focusRing } from "@/components/ui/styles";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";
import { rejectBulkSchema } from "@/lib/validation/bulk";

export type PendingRow = { rowNumber: number; name: string; email: string };

/**
 * The approver's view of a batch waiting as one: approve it, reject it with a reason, or reject the
 * ticked rows (same reason field) and decide the rest later. The reason is checked here and again by
 * the action with the same schema.
 */
export function BatchDecision({ batchId, rows }: { batchId: string; rows: PendingRow[] }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [busy, setBusy] = useState<"approve" | "reject" | "rows" | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [reasonError, setReasonError] = useState<string>();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const reasonId = `bulk-reject-reason-${batchId}`;

  type Result = Awaited<ReturnType<typeof approveBulkBatch>>;
  const finish = (result: Result) => {
    if (!result.ok && result.fieldErrors?.reason) setReasonError(result.fieldErrors.reason[0]);
    else if (!result.ok) setMessage({ ok: false, text: result.formError ?? "That did not work. Try again." });
    else setMessage({ ok: result.data.done, text: result.data.message });
    setBusy(null);
    router.refresh();
  };
  const approve = () => {
    setBusy("approve");
    start(async () => finish(await approveBulkBatch({ batchId })));
  };
  const reject = (which: "reject" | "rows") => {
    const reason = (document.getElementById(reasonId) as HTMLTextAreaElement | null)?.value ?? "";
    const input = { batchId, reason, ...(which === "rows" ? { rowNumbers: [...selected] } : {}) };
    const checked = rejectBulkSchema.safeParse(input);
    if (!checked.success) {
      setReasonError(z.flattenError(checked.error).fieldErrors.reason?.[0]);
      return;
    }
    setReasonError(undefined);
    setBusy(which);
    start(async () => finish(await rejectBulk(checked.data)));
  };
  const toggle = (n: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(n)) next.add(n);
      return next;
    });

  return (
    <section
      aria-labelledby="batch-decision"
      className="flex flex-col gap-4 rounded-card border border-line p-4"
    >
      <h2 id="batch-decision" className="text-base font-semibold">
        Your decision
      </h2>
      {message ? (
        <Alert
          tone={message.ok ? "success" : "danger"}
          role={message.ok ? "status" : "alert"}
          title={message.text}
        />
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button pending={pending && busy === "approve"} pendingLabel="Approving…" onClick={approve}>
          Approve batch
        </Button>
      </div>
      <Field id={reasonId} label="Reason (the rep reads it)" error={reasonError}>
        <Textarea name="reason" rows={2} {...fieldAria(reasonId, { error: reasonError })} />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="danger"
          pending={pending && busy === "reject"}
          pendingLabel="Rejecting…"
          onClick={() => reject("reject")}
        >
          Reject batch
        </Button>
        <Button
          variant="secondary"
          disabled={selected.size === 0}
          pending={pending && busy === "rows"}
          pendingLabel="Rejecting rows…"
          onClick={() => reject("rows")}
        >
          Reject {selected.size} selected rows
        </Button>
      </div>
      <Table aria-label="Rows waiting for approval">
        <TableHead>
          <TableRow>
            <TableHeader>Reject</TableHeader>
            <TableHeader>Row</TableHeader>
            <TableHeader>Recipient</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.rowNumber}>
              <TableCell>
                <input
                  type="checkbox"
                  className={`size-4 ${focusRing}`}
                  aria-label={`Reject row ${r.rowNumber}`}
                  checked={selected.has(r.rowNumber)}
                  onChange={() => toggle(r.rowNumber)}
                />
              </TableCell>
              <TableCell>{r.rowNumber}</TableCell>
              <TableCell>
                <span className="block font-medium">{r.name || "—"}</span>
                <span className="block text-ink-muted">{r.email}</span>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
