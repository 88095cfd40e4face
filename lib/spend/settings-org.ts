import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { type OrgSpendLimits, orgSpendLimits } from "@/lib/db/schema";
import type { OrgLimitsValues } from "@/lib/validation/spend";
import { lockOrgLimits, readOrgLimits } from "./org-limits";
import type { SettingsActor, SettingsResult } from "./settings-types";

function auditView(row: OrgSpendLimits) {
  return {
    budgetAmount: row.budgetAmount,
    budgetPeriod: row.budgetPeriod,
    dailyCapPerRep: row.dailyCapPerRep,
    dailyCapTotal: row.dailyCapTotal,
    overLimitNeedsApproval: row.overLimitNeedsApproval,
  };
}

const cents = (v: number | null) => (v === null ? null : v.toFixed(2));

/**
 * Sets the org-wide limits (one row, created or replaced) with its audit entry. Under the same lock the
 * send path takes, so a send never checks half of an admin's change.
 */
export async function saveOrgLimits(
  db: Db,
  actor: SettingsActor,
  values: OrgLimitsValues,
): Promise<SettingsResult<OrgSpendLimits>> {
  return db.transaction(async (transaction): Promise<SettingsResult<OrgSpendLimits>> => {
    const tx = transaction as unknown as Db;
    await lockOrgLimits(tx);
    const before = await readOrgLimits(tx);
    const fields = {
      budgetAmount: cents(values.budgetAmount),
      budgetPeriod: values.budgetPeriod,
      dailyCapPerRep: cents(values.dailyCapPerRep),
      dailyCapTotal: cents(values.dailyCapTotal),
      overLimitNeedsApproval: values.overLimitNeedsApproval,
      updatedBy: actor.id,
      updatedAt: new Date(),
    };
    const [after] = await tx
      .insert(orgSpendLimits)
      .values({ id: "org", ...fields })
      .onConflictDoUpdate({ target: orgSpendLimits.id, set: fields })
      .returning();
    if (!after) throw new Error("org limits write returned no row");
    await recordAudit(tx, {
      actor,
      action: "org_limits.changed",
      target: { type: "org_spend_limits", id: "org" },
      before: before ? auditView(before) : null,
      after: auditView(after),
    });
    return { status: "saved", row: after };
  });
}
