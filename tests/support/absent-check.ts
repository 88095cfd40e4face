import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { sends } from "@/lib/db/schema";

/**
 * As if a complete reconcile had read this send's whole window at `at` and found nothing: what "mark
 * not sent" waits for (lib/sends/not-sent-gate.ts). For tests about what happens after the gate.
 */
export async function recordAbsentCheck(db: Db, sendId: string, at = new Date()): Promise<void> {
  await db.update(sends).set({ absentCheckedAt: at }).where(eq(sends.id, sendId));
}
