import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { touchCostEstimates } from "@/lib/db/schema";
import type { TouchEstimateValues } from "@/lib/validation/spend";
import { deleteWithAudit, type SettingsActor, type SettingsResult } from "./settings-types";

export type TouchEstimate = typeof touchCostEstimates.$inferSelect;

export async function listTouchEstimates(db: Db): Promise<TouchEstimate[]> {
  return db.select().from(touchCostEstimates).orderBy(touchCostEstimates.touchId);
}

const auditView = (row: TouchEstimate) => ({ touchId: row.touchId, amount: row.amount });

/** Sets the admin's estimate for one touch (created or replaced), with its audit entry. */
export async function saveTouchEstimate(
  db: Db,
  actor: SettingsActor,
  values: TouchEstimateValues,
): Promise<SettingsResult<TouchEstimate>> {
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const [before] = await tx
      .select()
      .from(touchCostEstimates)
      .where(eq(touchCostEstimates.touchId, values.touchId))
      .for("update");
    const fields = { amount: values.amount.toFixed(2), updatedBy: actor.id, updatedAt: new Date() };
    const [after] = await tx
      .insert(touchCostEstimates)
      .values({ touchId: values.touchId, ...fields })
      .onConflictDoUpdate({ target: touchCostEstimates.touchId, set: fields })
      .returning();
    if (!after) throw new Error("touch estimate write returned no row");
    await recordAudit(tx, {
      actor,
      action: "touch_estimate.changed",
      target: { type: "touch", id: String(values.touchId) },
      before: before ? auditView(before) : null,
      after: auditView(after),
    });
    return { status: "saved", row: after };
  });
}

/** Forgets a touch's estimate: under a budget its sends then wait for an approver. */
export async function deleteTouchEstimate(
  db: Db,
  actor: SettingsActor,
  touchId: number,
): Promise<SettingsResult<TouchEstimate>> {
  return deleteWithAudit(
    db,
    actor,
    { action: "touch_estimate.changed", target: { type: "touch", id: String(touchId) }, view: auditView },
    (tx) => tx.delete(touchCostEstimates).where(eq(touchCostEstimates.touchId, touchId)).returning(),
  );
}
