"use client";

import { useState } from "react";
import { Money } from "@/components/app/locale-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import type { MeterView } from "@/lib/spend/meter-view";
import type { BudgetSetting } from "@/lib/spend/settings";
import type { BudgetValues } from "@/lib/validation/spend";
import { BudgetForm, type PersonOption } from "./budget-form";
import { BudgetMeter } from "./budget-meter";
import { RemoveButton } from "./remove-button";
import type { SettingsAction } from "./settings-outcome";

/** A budget setting as the browser gets it: its meter in plain numbers and words. */
export type BudgetRow = Omit<BudgetSetting, "meter"> & { meter: MeterView };

type Props = {
  budgets: BudgetRow[];
  teams: string[];
  reps: PersonOption[];
  currency: string;
  save: SettingsAction<BudgetValues>;
  remove: SettingsAction<{ budgetId: string }>;
};

function EditBudget({ budget, ...props }: Omit<Props, "budgets" | "remove"> & { budget: BudgetRow }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm" aria-label={`Change ${budget.ownerLabel}'s budget`}>
          Change
        </Button>
      </DialogTrigger>
      <DialogContent title={`Change ${budget.ownerLabel}'s budget`}>
        <BudgetForm
          idPrefix={`budget-${budget.id}`}
          teams={props.teams}
          reps={props.reps}
          currency={props.currency}
          action={props.save}
          submitLabel="Save budget"
          onSaved={() => setOpen(false)}
          initial={{
            id: budget.id,
            scope: budget.userId ? "rep" : "team",
            team: budget.team ?? "",
            userId: budget.userId ?? "",
            period: budget.period,
            amount: budget.amount.toFixed(2),
            overBudgetNeedsApproval: budget.overBudgetNeedsApproval,
          }}
        />
      </DialogContent>
    </Dialog>
  );
}

/** Budgets with this period's meter each, and a form for a new one. */
export function BudgetsCard({ budgets, remove, ...props }: Props) {
  return (
    <Card aria-labelledby="budgets-title">
      <CardHeader>
        <CardTitle id="budgets-title">Budgets</CardTitle>
        <CardDescription>
          Per team, and optionally per rep. A gift counts against every budget that applies; a gift that does
          not fit is refused, or waits for an approver where you allow it.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-6">
        {budgets.length === 0 ? (
          <p className="text-sm text-ink-muted">No budgets yet: gifts are not limited by spend.</p>
        ) : (
          <ul className="flex flex-col divide-y divide-line">
            {budgets.map((b) => (
              <li key={b.id} className="flex flex-col gap-3 py-4" data-testid="budget-row">
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="font-semibold">{b.ownerLabel}</h3>
                  <Badge>{b.period === "monthly" ? "Monthly" : "Quarterly"}</Badge>
                  <span className="text-sm">
                    <Money amount={b.amount} currency={b.currency} />
                  </span>
                  <Badge tone={b.overBudgetNeedsApproval ? "info" : "neutral"}>
                    {b.overBudgetNeedsApproval ? "Over budget: asks an approver" : "Over budget: refused"}
                  </Badge>
                  <span className="ms-auto flex gap-2">
                    <EditBudget budget={b} {...props} />
                    <RemoveButton
                      action={remove}
                      input={{ budgetId: b.id }}
                      label={`Remove ${b.ownerLabel}'s budget`}
                      done="Budget removed"
                    />
                  </span>
                </div>
                <BudgetMeter meter={b.meter} />
              </li>
            ))}
          </ul>
        )}
        <section aria-labelledby="new-budget-title" className="flex flex-col gap-3">
          <h3 id="new-budget-title" className="font-semibold">
            New budget
          </h3>
          <BudgetForm
            idPrefix="new-budget"
            teams={props.teams}
            reps={props.reps}
            currency={props.currency}
            action={props.save}
            submitLabel="Add budget"
          />
        </section>
      </CardContent>
    </Card>
  );
}
