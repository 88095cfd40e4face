import { NextResponse } from "next/server";
import { currentUser } from "@/lib/auth/session";
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
export async function GET() {
  if (!(await currentUser())) return NextResponse.json({ error: "Sign in to continue." }, { status: 401 });
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
}
