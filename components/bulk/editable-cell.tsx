"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { BULK_FIELD_LABELS, type BulkField } from "@/lib/bulk/fields";

type Props = {
  rowNumber: number;
  field: BulkField;
  value: string;
  error?: string;
  onSave(value: string): Promise<string | null>;
};

/** A review cell: its value and the reason it is invalid, and an inline editor behind "Edit". */
export function EditableCell({ rowNumber, field, value, error, onSave }: Props) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const [pending, setPending] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const label = `${BULK_FIELD_LABELS[field]}, row ${rowNumber}`;
  const errorId = `cell-${rowNumber}-${field}-error`;

  if (editing) {
    return (
      <form
        className="flex min-w-48 flex-col gap-1"
        onSubmit={async (event) => {
          event.preventDefault();
          setPending(true);
          const problem = await onSave(draft);
          setPending(false);
          if (problem) setSaveError(problem);
          else setEditing(false);
        }}
      >
        <Input aria-label={label} value={draft} onChange={(e) => setDraft(e.target.value)} autoFocus />
        {saveError ? <p className="text-sm text-danger">{saveError}</p> : null}
        <div className="flex gap-1">
          <Button type="submit" size="sm" pending={pending} pendingLabel="Saving…">
            Save
          </Button>
          <Button type="button" size="sm" variant="ghost" onClick={() => setEditing(false)}>
            Cancel
          </Button>
        </div>
      </form>
    );
  }
  return (
    <div className="flex min-w-32 flex-col items-start gap-1">
      <span className="whitespace-pre-wrap break-all" aria-describedby={error ? errorId : undefined}>
        {value || <span className="text-ink-muted">—</span>}
      </span>
      {error ? (
        <span id={errorId} className="text-sm font-medium text-danger">
          {error}
        </span>
      ) : null}
      <Button
        type="button"
        size="sm"
        variant="ghost"
        className="h-6 px-1"
        aria-label={`Edit ${label}`}
        onClick={() => {
          setDraft(value);
          setSaveError(null);
          setEditing(true);
        }}
      >
        Edit
      </Button>
    </div>
  );
}
