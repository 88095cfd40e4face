import { and, eq, isNull, ne, type SQL } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { type Budget, budgets, users } from "@/lib/db/schema";
import type { BudgetValues } from "@/lib/validation/spend";
import {
  deleteWithAudit,
  isUniqueViolation,
  type SettingsActor,
  type SettingsResult,
  unknownTeam,
} from "./settings-types";

/** What the audit log keeps of a budget: the fields an admin sets, amounts as strings like the column. */
function auditView(budget: Budget) {
  return {
    team: budget.team,
    userId: budget.userId,
    period: budget.period,
    amount: budget.amount,
    currency: budget.currency,
    overBudgetNeedsApproval: budget.overBudgetNeedsApproval,
  };
}

/** Every budget, teams first, with the rep's name for rep budgets. */
export async function listBudgets(db: Db) {
  return db
    .select({ budget: budgets, repName: users.name, repEmail: users.email })
    .from(budgets)
    .leftJoin(users, eq(users.id, budgets.userId))
    .orderBy(budgets.team, users.email, budgets.id);
}

/** The other budget this one would collide with (one per team, one per rep). */
async function clashFor(tx: Db, values: BudgetValues): Promise<Budget | undefined> {
  const owner: SQL = values.userId
    ? eq(budgets.userId, values.userId)
    : (and(eq(budgets.team, values.team ?? ""), isNull(budgets.userId)) as SQL);
  const [row] = await tx
    .select()
    .from(budgets)
    .where(values.id ? and(owner, ne(budgets.id, values.id)) : owner);
  return row;
}

/** Refuses an owner that does not exist: a team nobody is in, or an unknown user. */
async function ownerProblem(tx: Db, values: BudgetValues): Promise<SettingsResult<Budget> | null> {
  if (values.userId) {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, values.userId));
    return user ? null : { status: "invalid", fieldErrors: { userId: ["Choose a rep from the list"] } };
  }
  return unknownTeam(tx, values.team ?? "");
}

/**
 * Creates a budget, or changes one (`values.id`). One budget per team and one per rep: a second is
 * refused with a message, not silently merged. The change and its audit entry commit together.
 */
export async function saveBudget(
  db: Db,
  actor: SettingsActor,
  values: BudgetValues,
  currency: string,
): Promise<SettingsResult<Budget>> {
  try {
    return await writeBudget(db, actor, values, currency);
  } catch (error) {
    // Lost a race with another admin creating the same budget: the unique index decided.
    if (!isUniqueViolation(error)) throw error;
    return duplicate(values);
  }
}

function duplicate(values: BudgetValues): SettingsResult<Budget> {
  const field = values.userId ? "userId" : "team";
  const whose = values.userId ? "This rep" : `Team ${values.team}`;
  return {
    status: "invalid",
    fieldErrors: { [field]: [`${whose} already has a budget; change that one instead`] },
  };
}

async function writeBudget(
  db: Db,
  actor: SettingsActor,
  values: BudgetValues,
  currency: string,
): Promise<SettingsResult<Budget>> {
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const problem = await ownerProblem(tx, values);
    if (problem) return problem;
    if (await clashFor(tx, values)) return duplicate(values);
    const fields = {
      team: values.team,
      userId: values.userId,
      period: values.period,
      amount: values.amount.toFixed(2),
      currency,
      overBudgetNeedsApproval: values.overBudgetNeedsApproval,
      updatedBy: actor.id,
      updatedAt: new Date(),
    };
    let before: Budget | undefined;
    let after: Budget | undefined;
    if (values.id) {
      [before] = await tx.select().from(budgets).where(eq(budgets.id, values.id)).for("update");
      if (!before) return { status: "not_found" };
      [after] = await tx.update(budgets).set(fields).where(eq(budgets.id, values.id)).returning();
    } else {
      [after] = await tx.insert(budgets).values(fields).returning();
    }
    if (!after) throw new Error("budget write returned no row");
    await recordAudit(tx, {
      actor,
      action: "budget.changed",
      target: { type: "budget", id: after.id },
      before: before ? auditView(before) : null,
      after: auditView(after),
    });
    return { status: "saved", row: after };
  });
}

/** Removes a budget: sends stop counting against it at once. */
export async function deleteBudget(
  db: Db,
  actor: SettingsActor,
  budgetId: string,
): Promise<SettingsResult<Budget>> {
  return deleteWithAudit(
    db,
    actor,
    { action: "budget.changed", target: { type: "budget", id: budgetId }, view: auditView },
    (tx) => tx.delete(budgets).where(eq(budgets.id, budgetId)).returning(),
  );
}
