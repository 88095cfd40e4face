import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import { can } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { type ApprovalPolicy, approvalPolicies, users } from "@/lib/db/schema";
import type { ApprovalPolicyValues } from "@/lib/validation/spend";
import { deleteWithAudit, type SettingsActor, type SettingsResult, unknownTeam } from "./settings-types";

function auditView(policy: ApprovalPolicy) {
  return {
    team: policy.team,
    threshold: policy.threshold,
    fallbackApproverId: policy.fallbackApproverId,
    remindAfterHours: policy.remindAfterHours,
  };
}

export async function listApprovalPolicies(db: Db): Promise<ApprovalPolicy[]> {
  return db.select().from(approvalPolicies).orderBy(approvalPolicies.team);
}

/** The fallback approver must be someone who may approve at all (a manager or an admin). */
async function approverProblem(tx: Db, approverId: string | null): Promise<string | null> {
  if (!approverId) return null;
  const [user] = await tx.select({ role: users.role }).from(users).where(eq(users.id, approverId));
  if (!user) return "Choose an approver from the list";
  return can(user.role, "approve_sends") ? null : "The fallback approver must be a manager or an admin";
}

/** Sets a team's approval policy (one per team: created or replaced), with its audit entry. */
export async function saveApprovalPolicy(
  db: Db,
  actor: SettingsActor,
  values: ApprovalPolicyValues,
): Promise<SettingsResult<ApprovalPolicy>> {
  return db.transaction(async (transaction): Promise<SettingsResult<ApprovalPolicy>> => {
    const tx = transaction as unknown as Db;
    const noTeam = await unknownTeam(tx, values.team);
    if (noTeam) return noTeam;
    const problem = await approverProblem(tx, values.fallbackApproverId);
    if (problem) return { status: "invalid", fieldErrors: { fallbackApproverId: [problem] } };
    const [before] = await tx
      .select()
      .from(approvalPolicies)
      .where(eq(approvalPolicies.team, values.team))
      .for("update");
    const fields = {
      threshold: values.threshold.toFixed(2),
      fallbackApproverId: values.fallbackApproverId,
      remindAfterHours: values.remindAfterHours,
      updatedBy: actor.id,
      updatedAt: new Date(),
    };
    const [after] = await tx
      .insert(approvalPolicies)
      .values({ team: values.team, ...fields })
      .onConflictDoUpdate({ target: approvalPolicies.team, set: fields })
      .returning();
    if (!after) throw new Error("approval policy write returned no row");
    await recordAudit(tx, {
      actor,
      action: "approval_policy.changed",
      target: { type: "approval_policy", id: values.team },
      before: before ? auditView(before) : null,
      after: auditView(after),
    });
    return { status: "saved", row: after };
  });
}

/** Removes a team's policy: its sends no longer wait for approval (budgets still apply). */
export async function deleteApprovalPolicy(
  db: Db,
  actor: SettingsActor,
  team: string,
): Promise<SettingsResult<ApprovalPolicy>> {
  return deleteWithAudit(
    db,
    actor,
    { action: "approval_policy.changed", target: { type: "approval_policy", id: team }, view: auditView },
    (tx) => tx.delete(approvalPolicies).where(eq(approvalPolicies.team, team)).returning(),
  );
}
