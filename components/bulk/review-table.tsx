"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { fixBulkCell, setBulkRowDropped } from "@/app/(app)/send/bulk/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { BULK_FIELD_LABELS, type BulkField } from "@/lib/bulk/fields";
import { EditableCell } from "./editable-cell";

/** The review: every row's cells, why a cell is invalid, its warnings; fix a cell inline or drop the row. */
export function ReviewTable({
  batchId,
  rows,
  columns,
}: {
  batchId: string;
  rows: ReviewRowView[];
  columns: BulkField[];
}) {
  const router = useRouter();
  const [dropping, setDropping] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function save(rowNumber: number, field: BulkField, value: string): Promise<string | null> {
    const result = await fixBulkCell({ batchId, rowNumber, field, value });
    if (!result.ok) return result.fieldErrors?.value?.[0] ?? result.formError ?? "Not saved";
    if (!result.data.saved) return result.data.message ?? "Not saved";
    router.refresh();
    return null;
  }

  async function drop(rowNumber: number) {
    setDropping(rowNumber);
    const result = await setBulkRowDropped({ batchId, rowNumber, dropped: true });
    setDropping(null);
    if (!result.ok || !result.data.saved)
      setProblem((result.ok ? result.data.message : result.formError) ?? null);
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-2">
      {problem ? (
        <p role="alert" className="text-sm text-danger">
          {problem}
        </p>
      ) : null}
      <Table aria-label="Rows to review">
        <TableHead>
          <TableRow>
            <TableHeader>Row</TableHeader>
            <TableHeader>Check</TableHeader>
            {columns.map((c) => (
              <TableHeader key={c}>{BULK_FIELD_LABELS[c]}</TableHeader>
            ))}
            <TableHeader>Warnings</TableHeader>
            <TableHeader>
              <span className="sr-only">Actions</span>
            </TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.rowNumber} data-testid={`review-row-${row.rowNumber}`}>
              <TableCell>{row.rowNumber}</TableCell>
              <TableCell>
                {row.blocked ? (
                  <Badge tone="danger">Blocked: unknown send</Badge>
                ) : row.valid ? (
                  <Badge tone="success">Valid</Badge>
                ) : (
                  <Badge tone="danger">Invalid</Badge>
                )}
                {row.errors.row ? <p className="text-sm text-danger">{row.errors.row}</p> : null}
              </TableCell>
              {columns.map((c) => (
                <TableCell key={c}>
                  <EditableCell
                    rowNumber={row.rowNumber}
                    field={c}
                    value={row.cells[c] ?? ""}
                    error={row.errors[c]}
                    onSave={(value) => save(row.rowNumber, c, value)}
                  />
                </TableCell>
              ))}
              <TableCell>
                {row.warnings.length > 0 ? (
                  <ul className="flex flex-col gap-1 text-sm text-warning-strong">
                    {row.warnings.map((w) => (
                      <li key={w}>⚠ {w}</li>
                    ))}
                  </ul>
                ) : null}
              </TableCell>
              <TableCell>
                <Button
                  type="button"
                  size="sm"
                  variant="secondary"
                  aria-label={`Drop row ${row.rowNumber}`}
                  pending={dropping === row.rowNumber}
                  pendingLabel="Dropping…"
                  onClick={() => void drop(row.rowNumber)}
                >
                  Drop
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

export type ReviewRowView = {
  rowNumber: number;
  cells: Record<string, string>;
  errors: Partial<Record<BulkField | "row", string>>;
  warnings: string[];
  blocked: boolean;
  valid: boolean;
};
