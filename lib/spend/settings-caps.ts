import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { type RecipientSpendCaps, recipientSpendCaps } from "@/lib/db/schema";
import type { RecipientCapsValues } from "@/lib/validation/spend";
import { readRecipientCaps } from "./recipient-caps";
import type { SettingsActor, SettingsResult } from "./settings-types";

const auditView = (row: RecipientSpendCaps) => ({
  perEmailYearly: row.perEmailYearly,
  perDomainYearly: row.perDomainYearly,
  overCap: row.overCap,
});

const cents = (v: number | null) => (v === null ? null : v.toFixed(2));

/**
 * Sets the per-recipient yearly caps (one row, created or replaced) with its audit entry. One row
 * written by one statement: a send reads either the old caps or the new ones, never half of each.
 */
export async function saveRecipientCaps(
  db: Db,
  actor: SettingsActor,
  values: RecipientCapsValues,
): Promise<SettingsResult<RecipientSpendCaps>> {
  return db.transaction(async (transaction): Promise<SettingsResult<RecipientSpendCaps>> => {
    const tx = transaction as unknown as Db;
    const before = await readRecipientCaps(tx);
    const fields = {
      perEmailYearly: cents(values.perEmailYearly),
      perDomainYearly: cents(values.perDomainYearly),
      overCap: values.overCap,
      updatedBy: actor.id,
      updatedAt: new Date(),
    };
    const [after] = await tx
      .insert(recipientSpendCaps)
      .values({ id: "org", ...fields })
      .onConflictDoUpdate({ target: recipientSpendCaps.id, set: fields })
      .returning();
    if (!after) throw new Error("recipient caps write returned no row");
    await recordAudit(tx, {
      actor,
      action: "recipient_caps.changed",
      target: { type: "recipient_spend_caps", id: "org" },
      before: before ? auditView(before) : null,
      after: auditView(after),
    });
    return { status: "saved", row: after };
  });
}
