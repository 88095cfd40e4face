import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type ApprovalPolicy, approvalPolicies } from "@/lib/db/schema";
import { countBudgetRefusal } from "@/lib/telemetry/metrics";
import { type BulkRowRef, consumeBatchReservation } from "./batch-reservations";
import { type BudgetMeter, budgetsFor, meterFor } from "./budget-usage";
import type { CostEstimate } from "./estimate";
import { formatMoney } from "./money";
import { hasOrgLimits, lockOrgLimits, orgMetersFor, readOrgLimits } from "./org-limits";
import { capMessage, capOverrun, recipientDomain } from "./recipient-cap-rules";
import {
  hasRecipientCaps,
  lockRecipientDomain,
  readRecipientCaps,
  recipientCapMeters,
} from "./recipient-caps";
import { type TeamlessSends, teamlessRefusal, teamlessReview } from "./teamless";

export type SpendDecision =
  | { kind: "proceed"; meters: BudgetMeter[] }
  | {
      kind: "needs_approval";
      reason: "threshold" | "over_budget" | "no_estimate" | "teamless" | "recipient_cap";
      /** Does not fit the budget: reserves nothing until an approver overrides. */
      overBudget: boolean;
      meters: BudgetMeter[];
      message: string;
      /** The sender's team policy as read here, so asking its approvers does not read it again. */
      policy: ApprovalPolicy | null;
    }
  | { kind: "refused"; meter?: BudgetMeter; message: string };

/** How the send path applies spend rules; every field has a fail-closed default. */
export type SpendOptions = {
  /** The org currency, for threshold messages and org-wide limits (budgets carry their own). */
  currency?: string;
  /** TEAMLESS_SENDS: a sender with no team is refused, or every send of theirs waits for an admin. */
  teamlessSends?: TeamlessSends;
  /** AUTH_TEAM_GROUP_PREFIX, named in the message telling a teamless sender what IT must set up. */
  teamGroupPrefix?: string;
  /**
   * The send is this row of a bulk batch (the bulk worker sets it): a batch whose whole total was
   * reserved, or approved, at start hands the row its share instead of checking the row again.
   */
  bulkRow?: BulkRowRef;
};

export async function approvalPolicyFor(db: Db, team: string | null): Promise<ApprovalPolicy | null> {
  if (!team) return null;
  const [policy] = await db.select().from(approvalPolicies).where(eq(approvalPolicies.team, team));
  return policy ?? null;
}

function budgetName(meter: BudgetMeter): string {
  switch (meter.scope) {
    case "team":
      return `your team's ${meter.period} budget`;
    case "rep":
      return `your own ${meter.period} budget`;
    case "org":
      return `the organisation's ${meter.period} budget`;
    case "org_day":
      return "today's cap on everyone's gifts";
    case "rep_day":
      return "your daily cap";
  }
}

/**
 * Decides, inside the transaction that inserts the send, whether it may go now, must wait for an
 * approver, or is refused. Each budget is locked for the rest of the transaction (in id order, then the
 * org-wide limits, so two senders never wait on each other crosswise), which makes "check the meter,
 * then reserve" atomic: the sum reserved + spent can never pass a budget, however many sends race.
 * A sender with no team never skips the rules (issue 16): TEAMLESS_SENDS refuses them or sends every
 * gift to an admin, and the org-wide budget and daily caps count every send whatever its team.
 * With `recipientEmail`, the per-recipient yearly caps (issue 17 item 4) are checked under a lock on the
 * recipient's domain, taken last, so twenty sends to one person can never pass a cap together.
 */
export async function decideSpend(
  tx: Db,
  sender: { id: string; team: string | null },
  estimate: CostEstimate,
  now: Date,
  options: SpendOptions = {},
  recipientEmail?: string,
): Promise<SpendDecision> {
  const orgCurrency = options.currency ?? "USD";
  const teamless = !sender.team;
  if (teamless && options.teamlessSends === "refuse") {
    return { kind: "refused", message: teamlessRefusal(options.teamGroupPrefix) };
  }
  const owned = await budgetsFor(tx, sender);
  const policy = await approvalPolicyFor(tx, sender.team);
  const org = await readOrgLimits(tx);
  const orgLimited = hasOrgLimits(org);
  const caps = recipientEmail ? await readRecipientCaps(tx) : null;
  const capped = hasRecipientCaps(caps) && recipientEmail !== undefined;
  if (owned.length === 0 && !policy && !orgLimited && !teamless && !capped) {
    if (options.bulkRow) await consumeBatchReservation(tx, options.bulkRow, sender.id);
    return { kind: "proceed", meters: [] };
  }

  for (const budget of owned) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`budget:${budget.id}`}, 0))`);
  }
  if (orgLimited) await lockOrgLimits(tx);
  // Under the same locks: the row's share moves to this send, so the meters below count it once.
  if (options.bulkRow && (await consumeBatchReservation(tx, options.bulkRow, sender.id))) {
    const meters = await Promise.all(owned.map((b) => meterFor(tx, b, now)));
    if (orgLimited) meters.push(...(await orgMetersFor(tx, org, sender, now, orgCurrency)));
    return { kind: "proceed", meters };
  }
  const meters = await Promise.all(owned.map((b) => meterFor(tx, b, now)));
  // Read after the lock: a meter read before it could miss a send committed meanwhile.
  if (orgLimited) meters.push(...(await orgMetersFor(tx, org, sender, now, orgCurrency)));
  if (capped) await lockRecipientDomain(tx, recipientDomain(recipientEmail));
  // Read after the lock, like the meters: a send to this domain committed meanwhile is counted.
  const capMeters = capped ? await recipientCapMeters(tx, caps, recipientEmail, now) : [];
  const overCap = capOverrun(capMeters, estimate.amount);
  const approval = (
    reason: "threshold" | "over_budget" | "no_estimate" | "teamless" | "recipient_cap",
    message: string,
    overBudget = false,
  ) => ({ kind: "needs_approval", reason, overBudget, meters, message, policy }) as const;

  // Gift policy is not a budget an approver may stretch unless the admin said so: refused first.
  if (overCap && caps?.overCap !== "approve") {
    countBudgetRefusal();
    return { kind: "refused", message: capMessage(overCap, estimate.amount, orgCurrency, "refuse") };
  }
  if (estimate.amount === null) {
    return approval(
      "no_estimate",
      "This touch has no cost estimate, so a manager approves it before it goes out.",
    );
  }
  const amount = estimate.amount;
  const short = meters.find((m) => m.left < amount);
  if (short) {
    const numbers = `${formatMoney(amount, short.currency)} would leave ${formatMoney(short.left - amount, short.currency)} of ${budgetName(short)} (${formatMoney(short.amount, short.currency)})`;
    if (meters.filter((m) => m.left < amount).every((m) => m.overBudgetNeedsApproval)) {
      return approval("over_budget", `Over budget: ${numbers}. It waits for a manager's approval.`, true);
    }
    countBudgetRefusal();
    return { kind: "refused", meter: short, message: `Over budget: ${numbers}. Nothing was sent.` };
  }
  if (overCap) {
    return approval("recipient_cap", capMessage(overCap, amount, orgCurrency, "approve"), true);
  }
  if (teamless) return approval("teamless", teamlessReview(options.teamGroupPrefix));
  if (policy && amount > Number(policy.threshold)) {
    return approval(
      "threshold",
      `Gifts over ${formatMoney(Number(policy.threshold), orgCurrency)} need a manager's approval before they go out.`,
    );
  }
  return { kind: "proceed", meters };
}
