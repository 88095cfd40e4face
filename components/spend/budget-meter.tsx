import { useFormatMoney } from "@/components/app/locale-provider";
import { cn } from "@/components/ui/cn";
import { type AfterSend, type MeterView, meterShares } from "@/lib/spend/meter-view";

const AFTER_TONE: Record<AfterSend["kind"], string> = {
  none: "",
  fits: "text-success-strong",
  over: "text-danger-strong font-medium",
  no_estimate: "text-warning-strong font-medium",
};

/**
 * One budget: a bar (decoration; the numbers below carry the meaning) and budget, spent, reserved and
 * left as text, plus what the chosen gift would leave when given.
 */
export function BudgetMeter({ meter, after }: { meter: MeterView; after?: AfterSend }) {
  const format = useFormatMoney();
  const money = (n: number) => format(n, meter.currency);
  const shares = meterShares(meter);
  const over = meter.left < 0;
  return (
    <div className="flex flex-col gap-2" data-testid="budget-meter">
      <p className="text-sm font-medium">{meter.label}</p>
      <div aria-hidden="true" className="flex h-2.5 w-full overflow-hidden rounded-full bg-surface-muted">
        <div
          className={cn("h-full", over ? "bg-danger" : "bg-brand-600")}
          style={{ width: `${shares.spent}%` }}
        />
        <div className="h-full bg-brand-200" style={{ width: `${shares.reserved}%` }} />
      </div>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
        {(
          [
            ["Budget", meter.amount],
            ["Spent", meter.spent],
            ["Reserved", meter.reserved],
            ["Left", meter.left],
          ] as const
        ).map(([label, value]) => (
          <div key={label} className="flex flex-col">
            <dt className="text-ink-muted">{label}</dt>
            <dd className={cn("font-medium tabular-nums", label === "Left" && over && "text-danger-strong")}>
              {money(value)}
            </dd>
          </div>
        ))}
      </dl>
      {after && after.kind !== "none" ? (
        <p className={cn("text-sm", AFTER_TONE[after.kind])} data-testid="budget-after-send">
          {after.text}
        </p>
      ) : null}
    </div>
  );
}
