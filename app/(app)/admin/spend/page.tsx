import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { PersonOption } from "@/components/spend/budget-form";
import { BudgetsCard } from "@/components/spend/budgets-card";
import { type EstimateRow, EstimatesCard } from "@/components/spend/estimates-card";
import { OrgLimitsCard } from "@/components/spend/org-limits-card";
import { PoliciesCard } from "@/components/spend/policies-card";
import { RecipientCapsCard } from "@/components/spend/recipient-caps-card";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getConfig } from "@/lib/env";
import { priceFormat } from "@/lib/i18n/price-format";
import { log } from "@/lib/log";
import { listTouchesForAdmin } from "@/lib/sendoso";
import { toTouchOption } from "@/lib/sends/touch-options";
import { estimateSendCost } from "@/lib/spend/estimate";
import { toMeterView } from "@/lib/spend/meter-view";
import { hasOrgLimits, orgMetersFor, readOrgLimits } from "@/lib/spend/org-limits";
import { readRecipientCaps } from "@/lib/spend/recipient-caps";
import { loadSpendSettings } from "@/lib/spend/settings";
import {
  deleteApprovalPolicyAction,
  deleteBudgetAction,
  deleteTouchEstimateAction,
  saveApprovalPolicyAction,
  saveBudgetAction,
  saveOrgLimitsAction,
  saveRecipientCapsAction,
  saveTouchEstimateAction,
} from "./actions";

export const metadata: Metadata = { title: "Spend controls" };

/** Touches as the admin sees them: the admin's own Sendoso list, else the shared one. */
async function loadTouches(userId: string) {
  try {
    return await listTouchesForAdmin(userId);
  } catch (error) {
    log.error({ err: error }, "spend settings: could not load touches");
    return null;
  }
}

export default async function SpendSettingsPage() {
  const user = await requireUser();
  // Everyone else gets the same 404 as for a page that does not exist.
  if (!can(user.role, "manage_spend")) notFound();
  const db = await getDb();
  const [settings, touches, org, caps] = await Promise.all([
    loadSpendSettings(db),
    loadTouches(user.id),
    readOrgLimits(db),
    readRecipientCaps(db),
  ]);
  const { currency, teamlessSends, timeZone } = getConfig();
  const orgMeters = hasOrgLimits(org) ? await orgMetersFor(db, org, user, new Date(), currency) : [];
  const money = (v: string | null | undefined) => (v == null ? "" : Number(v).toFixed(2));
  const prices = await priceFormat();
  const label = (p: { name: string; email: string; team: string | null }) =>
    `${p.name} (${p.email}${p.team ? `, team ${p.team}` : ""})`;
  const reps: PersonOption[] = settings.people.map((p) => ({ id: p.id, label: label(p) }));
  const approvers = settings.people
    .filter((p) => can(p.role, "approve_sends"))
    .map((p) => ({ id: p.id, label: label(p) }));
  const estimateRows: EstimateRow[] | null =
    touches?.map((t) => {
      const option = toTouchOption(t, new Date(), null, prices);
      return {
        id: t.id,
        name: t.name,
        kind: option.kind,
        priceRange: option.priceRange,
        needsEstimate: estimateSendCost(t, null).amount === null,
        estimate: settings.estimates.get(t.id) ?? null,
      };
    }) ?? null;

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Spend controls</h1>
        <p className="text-ink-muted">
          Budgets, approval rules and cost estimates. Every change is recorded in the audit log. What reps see
          on each touch (picture, description, tags, price) is under{" "}
          <Link href="/admin/touches" className="text-brand-700 underline">
            Touch cards
          </Link>
          .
        </p>
      </div>
      <OrgLimitsCard
        currency={currency}
        teamlessSends={teamlessSends}
        meters={orgMeters.map((m) => toMeterView(m, "admin"))}
        initial={{
          budgetAmount: money(org?.budgetAmount),
          budgetPeriod: org?.budgetPeriod ?? "monthly",
          dailyCapPerRep: money(org?.dailyCapPerRep),
          dailyCapTotal: money(org?.dailyCapTotal),
          overLimitNeedsApproval: org?.overLimitNeedsApproval ?? false,
        }}
        save={saveOrgLimitsAction}
      />
      <RecipientCapsCard
        currency={currency}
        timeZone={timeZone}
        initial={{
          perEmailYearly: money(caps?.perEmailYearly),
          perDomainYearly: money(caps?.perDomainYearly),
          overCap: caps?.overCap ?? "refuse",
        }}
        save={saveRecipientCapsAction}
      />
      <BudgetsCard
        budgets={settings.budgets.map((b) => ({ ...b, meter: toMeterView(b.meter, "admin") }))}
        teams={settings.teams}
        reps={reps}
        currency={currency}
        save={saveBudgetAction}
        remove={deleteBudgetAction}
      />
      <PoliciesCard
        teams={settings.teams}
        policies={settings.policies.map((p) => ({
          team: p.team,
          threshold: Number(p.threshold),
          fallbackApproverId: p.fallbackApproverId,
          remindAfterHours: p.remindAfterHours,
        }))}
        approvers={approvers}
        currency={currency}
        save={saveApprovalPolicyAction}
        remove={deleteApprovalPolicyAction}
      />
      <EstimatesCard
        touches={estimateRows}
        currency={currency}
        save={saveTouchEstimateAction}
        remove={deleteTouchEstimateAction}
      />
    </div>
  );
}
