import { NextResponse } from "next/server";
import { userRoute } from "@/lib/auth/route";
import { TEMPLATE_COLUMNS } from "@/lib/bulk/fields";
import { csvChunk } from "@/lib/csv/batched-csv-stream";

const EXAMPLE: Record<string, string> = {
  first_name: "Jane",
  last_name: "Doe",
  email: "jane.doe@example.com",
  company: "Acme Corp",
  country: "US",
};

/** The bulk template: every column Gift Desk maps, with one example row to replace. */
export const GET = userRoute({}, async () => {
  const body = `\uFEFF${csvChunk(
    TEMPLATE_COLUMNS.map((c) => [c, (row: Record<string, string>) => row[c] ?? ""]),
    [EXAMPLE],
    true,
  )}`;
  return new NextResponse(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="gift-desk-bulk-template.csv"',
    },
  });
});
