import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { MeterView } from "@/lib/spend/meter-view";
import type { OrgLimitsInput, OrgLimitsValues } from "@/lib/validation/spend";
import { BudgetMeter } from "./budget-meter";
import { OrgLimitsForm } from "./org-limits-form";
import type { SettingsAction } from "./settings-outcome";

type Props = {
  currency: string;
  initial: OrgLimitsInput;
  /** This period's and today's use of each limit that is set (the per-rep cap shows the admin's own). */
  meters: MeterView[];
  teamlessSends: "refuse" | "approve";
  save: SettingsAction<OrgLimitsValues>;
};

/** Limits on every send whatever its team, including senders whose sign-in carries no team. */
export function OrgLimitsCard({ currency, initial, meters, teamlessSends, save }: Props) {
  return (
    <Card aria-labelledby="org-limits-title">
      <CardHeader>
        <CardTitle id="org-limits-title">Org-wide limits</CardTitle>
        <CardDescription>
          Apply to every gift whatever its team. Days are UTC days. Senders with no team are{" "}
          {teamlessSends === "refuse"
            ? "refused (TEAMLESS_SENDS=refuse)"
            : "sent to an admin for approval on every gift (TEAMLESS_SENDS=approve)"}
          .
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-6">
        {meters.length > 0 ? (
          <div className="grid gap-4 sm:grid-cols-2">
            {meters.map((m) => (
              <BudgetMeter key={m.budgetId} meter={m} />
            ))}
          </div>
        ) : null}
        <OrgLimitsForm currency={currency} initial={initial} action={save} />
      </CardContent>
    </Card>
  );
}
