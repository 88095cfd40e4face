import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { TouchEstimateValues } from "@/lib/validation/spend";
import { EstimateForm } from "./estimate-form";
import { RemoveButton } from "./remove-button";
import type { SettingsAction } from "./settings-outcome";

export type EstimateRow = {
  id: number;
  name: string;
  kind: "physical" | "egift";
  /** Sendoso's price range (eGifts), e.g. "$25–$200". */
  priceRange: string | null;
  /** Sendoso gives no price, so budgets rely on the admin's estimate. */
  needsEstimate: boolean;
  estimate: number | null;
};

type Props = {
  touches: EstimateRow[] | null;
  currency: string;
  save: SettingsAction<TouchEstimateValues>;
  remove: SettingsAction<{ touchId: number }>;
};

/** Per-touch cost estimates: what budgets reserve for a gift before Sendoso reports its real cost. */
export function EstimatesCard({ touches, currency, save, remove }: Props) {
  return (
    <Card aria-labelledby="estimates-title">
      <CardHeader>
        <CardTitle id="estimates-title">Touch cost estimates</CardTitle>
        <CardDescription>
          eGifts count at the top of their price range. Physical gifts count at your estimate, shown to reps
          as “estimated”; without one, under a budget or approval rule they wait for an approver.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {touches === null ? (
          <p role="alert" className="text-sm text-danger">
            Sendoso is not answering, so the touch list could not be loaded. Reload the page in a minute.
          </p>
        ) : (
          <Table aria-label="Active touches and their cost estimates">
            <TableHead>
              <TableRow>
                <TableHeader>Touch</TableHeader>
                <TableHeader>Kind</TableHeader>
                <TableHeader>Counts as</TableHeader>
              </TableRow>
            </TableHead>
            <TableBody>
              {touches.map((t) => (
                <TableRow key={t.id} data-testid="estimate-row">
                  <TableCell>
                    {t.name} <span className="text-ink-muted">(#{t.id})</span>
                  </TableCell>
                  <TableCell>
                    <Badge tone={t.kind === "egift" ? "info" : "neutral"}>
                      {t.kind === "egift" ? "eGift" : "Physical"}
                    </Badge>
                  </TableCell>
                  <TableCell>
                    {t.needsEstimate ? (
                      <div className="flex flex-wrap items-start gap-2">
                        <EstimateForm
                          key={String(t.estimate)}
                          touchId={t.id}
                          touchName={t.name}
                          currency={currency}
                          current={t.estimate}
                          action={save}
                        />
                        {t.estimate !== null ? (
                          <RemoveButton
                            action={remove}
                            input={{ touchId: t.id }}
                            label={`Remove the estimate for ${t.name}`}
                            done={`Estimate for ${t.name} removed`}
                          />
                        ) : null}
                      </div>
                    ) : (
                      <span>Price range {t.priceRange ?? "—"}</span>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
