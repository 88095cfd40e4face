import { NextResponse } from "next/server";
import { userRoute } from "@/lib/auth/route";
import { visibleBatch } from "@/lib/bulk/batch-scope";
import { bulkCsvResponse } from "@/lib/bulk/csv-response";
import { batchResultRows, RESULT_COLUMNS } from "@/lib/bulk/results";
import { csvChunk } from "@/lib/csv/batched-csv-stream";
import { getDb } from "@/lib/db";

/** Results CSV of a batch (row, recipient, state, tracking code, error), formula cells neutralised. */
export const GET = userRoute(
  {},
  async (user, _request: Request, context: { params: Promise<{ id: string }> }) => {
    const { id } = await context.params;
    const db = await getDb();
    const batch = /^[0-9a-f-]{36}$/i.test(id) ? await visibleBatch(db, user, id) : null;
    if (!batch) return NextResponse.json({ error: "Not found." }, { status: 404 });
    const rows = await batchResultRows(db, batch.id);
    return bulkCsvResponse(csvChunk(RESULT_COLUMNS, rows, true), `bulk-results-${batch.id.slice(0, 8)}`);
  },
);
