import { NextResponse } from "next/server";

/** A CSV download; the BOM makes Excel read it as UTF-8. */
export function bulkCsvResponse(csv: string, name: string): NextResponse {
  return new NextResponse(`\uFEFF${csv}`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}.csv"`,
      "cache-control": "no-store",
    },
  });
}
