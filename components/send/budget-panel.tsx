"use client";

import { useLocale } from "@/components/app/locale-provider";
import { BudgetMeter } from "@/components/spend/budget-meter";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { TouchOption } from "@/lib/sends/touch-options";
import { afterSend, type MeterView } from "@/lib/spend/meter-view";

type Props = {
  meters: MeterView[];
  /** The touch chosen so far; undefined before one is picked. */
  touch: TouchOption | undefined;
  /** The server's refusal of the last submit (over budget), shown next to the numbers it is about. */
  refusal: string | null;
};

/** Every budget this rep's gift counts against, and what the chosen touch would leave of each. */
export function BudgetPanel({ meters, touch, refusal }: Props) {
  const locale = useLocale();
  if (meters.length === 0 && !refusal) return null;
  const estimate = touch ? { amount: touch.estimatedCost, isGuess: touch.costIsGuess } : undefined;
  return (
    <Card aria-labelledby="budget-panel-title">
      <CardHeader>
        <CardTitle id="budget-panel-title">Budget</CardTitle>
        <CardDescription>
          Spent this period, held by gifts still on their way, and what is left.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-5">
        {refusal ? (
          <Alert tone="danger" role="alert" title="Over budget — the gift was not sent">
            <span data-testid="over-budget-message">{refusal}</span>
          </Alert>
        ) : null}
        {meters.map((meter) => (
          <BudgetMeter key={meter.budgetId} meter={meter} after={afterSend(meter, estimate, locale)} />
        ))}
      </CardContent>
    </Card>
  );
}
