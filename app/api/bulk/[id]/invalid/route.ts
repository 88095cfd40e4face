import { NextResponse } from "next/server";
import { userRoute } from "@/lib/auth/route";
import { visibleBatch } from "@/lib/bulk/batch-scope";
import { bulkCsvResponse } from "@/lib/bulk/csv-response";
import { BULK_FIELDS } from "@/lib/bulk/fields";
import { reviewDraft } from "@/lib/bulk/review";
import { csvChunk } from "@/lib/csv/batched-csv-stream";
import { getDb } from "@/lib/db";
import { getConfig } from "@/lib/env";

type InvalidRow = { cells: Record<string, string>; problem: string };

/**
 * The draft's invalid rows as a CSV to fix and upload again: the mapped columns (so it maps itself back)
 * and a `problem` column, which upload ignores. Formula cells are neutralised.
 */
export const GET = userRoute(
  {},
  async (user, _request: Request, context: { params: Promise<{ id: string }> }) => {
    const { id } = await context.params;
    const db = await getDb();
    const batch = /^[0-9a-f-]{36}$/i.test(id) ? await visibleBatch(db, user, id) : null;
    if (batch?.state !== "draft") return NextResponse.json({ error: "Not found." }, { status: 404 });
    const { reviews } = await reviewDraft(db, batch, getConfig().repeatRecipientWindowDays);
    const invalid: InvalidRow[] = reviews
      .filter((r) => !r.values || r.blocked)
      .map((r) => ({
        cells: r.cells,
        problem: r.blocked
          ? "A send to this recipient is still unknown"
          : Object.entries(r.errors)
              .map(([column, message]) => `${column}: ${message}`)
              .join("; "),
      }));
    const columns: [string, (row: InvalidRow) => string][] = [
      ...BULK_FIELDS.map(
        (f) => [f, (row: InvalidRow) => row.cells[f] ?? ""] as [string, (row: InvalidRow) => string],
      ),
      ["problem", (row) => row.problem],
    ];
    return bulkCsvResponse(csvChunk(columns, invalid, true), `invalid-rows-${batch.id.slice(0, 8)}`);
  },
);
