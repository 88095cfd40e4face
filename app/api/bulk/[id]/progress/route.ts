import { NextResponse } from "next/server";
import { userRoute } from "@/lib/auth/route";
import { visibleBatch } from "@/lib/bulk/batch-scope";
import { batchProgress } from "@/lib/bulk/progress";
import { getDb } from "@/lib/db";

/** A batch's state and counts for the live progress bar (any tab, any instance: read from the database). */
export const GET = userRoute(
  {},
  async (user, _request: Request, context: { params: Promise<{ id: string }> }) => {
    const { id } = await context.params;
    const db = await getDb();
    const batch = /^[0-9a-f-]{36}$/i.test(id) ? await visibleBatch(db, user, id) : null;
    if (!batch) return NextResponse.json({ error: "Not found." }, { status: 404 });
    return NextResponse.json(
      { state: batch.state, progress: await batchProgress(db, batch.id) },
      { headers: { "cache-control": "no-store" } },
    );
  },
);
