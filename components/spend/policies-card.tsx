import { Money } from "@/components/app/locale-provider";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ApprovalPolicyValues } from "@/lib/validation/spend";
import type { PersonOption } from "./budget-form";
import { PolicyForm } from "./policy-form";
import { RemoveButton } from "./remove-button";
import type { SettingsAction } from "./settings-outcome";

export type PolicyRow = {
  team: string;
  threshold: number;
  fallbackApproverId: string | null;
  remindAfterHours: number;
};

type Props = {
  teams: string[];
  policies: PolicyRow[];
  approvers: PersonOption[];
  currency: string;
  save: SettingsAction<ApprovalPolicyValues>;
  remove: SettingsAction<{ team: string }>;
};

/** One approval rule per team (teams as the IdP reports them at sign-in). */
export function PoliciesCard({ teams, policies, approvers, currency, save, remove }: Props) {
  return (
    <Card aria-labelledby="policies-title">
      <CardHeader>
        <CardTitle id="policies-title">Approval rules</CardTitle>
        <CardDescription>
          Gifts estimated above a team's threshold wait for one of its managers, or the fallback approver.
          Under a rule, a touch with no estimate waits too.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col divide-y divide-line">
        {teams.length === 0 ? (
          <p className="text-sm text-ink-muted">No teams yet: nobody has signed in with one.</p>
        ) : null}
        {teams.map((team) => {
          const policy = policies.find((p) => p.team === team);
          return (
            <section key={team} aria-labelledby={`policy-${team}-title`} className="flex flex-col gap-3 py-4">
              <div className="flex flex-wrap items-center gap-2">
                <h3 id={`policy-${team}-title`} className="font-semibold">
                  Team {team}
                </h3>
                {policy ? (
                  <Badge tone="info">
                    Approval above <Money amount={policy.threshold} currency={currency} />
                  </Badge>
                ) : (
                  <Badge>No approval needed</Badge>
                )}
                {policy ? (
                  <span className="ms-auto">
                    <RemoveButton
                      action={remove}
                      input={{ team }}
                      label={`Remove team ${team}'s approval rule`}
                      done={`Team ${team} no longer needs approvals`}
                    />
                  </span>
                ) : null}
              </div>
              <PolicyForm
                key={
                  policy
                    ? `${policy.threshold}-${policy.fallbackApproverId}-${policy.remindAfterHours}`
                    : "none"
                }
                team={team}
                approvers={approvers}
                currency={currency}
                action={save}
                initial={
                  policy
                    ? {
                        team,
                        threshold: policy.threshold.toFixed(2),
                        fallbackApproverId: policy.fallbackApproverId ?? "",
                        remindAfterHours: String(policy.remindAfterHours),
                      }
                    : null
                }
              />
            </section>
          );
        })}
      </CardContent>
    </Card>
  );
}
