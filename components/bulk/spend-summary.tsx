import type { BatchSpend } from "@/lib/bulk/batch-spend";
import { formatMoney } from "@/lib/spend/money";

/** Spend before sending: the batch total against every budget it counts against, and the threshold. */
export function SpendSummary({
  spend,
  rows,
  perGift,
  currency,
}: {
  spend: BatchSpend;
  rows: number;
  perGift: number | null;
  currency: string;
}) {
  return (
    <section
      aria-labelledby="batch-spend"
      className="flex flex-col gap-2 rounded-card border border-line p-4"
    >
      <h2 id="batch-spend" className="text-base font-semibold">
        Spend before sending
      </h2>
      <p>
        {spend.total === null ? (
          <>
            This touch has no cost estimate: each gift waits for a manager&apos;s approval before it goes out.
          </>
        ) : (
          <>
            {rows.toLocaleString("en-US")} gifts × {formatMoney(perGift ?? 0, currency)} ={" "}
            <strong>{formatMoney(spend.total, currency)}</strong> (estimated)
          </>
        )}
      </p>
      {spend.meters.length > 0 ? (
        <ul className="flex flex-col gap-1 text-sm">
          {spend.meters.map(({ meter, leftAfter }) => (
            <li key={meter.budgetId}>
              {meter.scope === "team" ? "Team" : "Your own"} {meter.period} budget:{" "}
              {formatMoney(meter.left, meter.currency)} left of {formatMoney(meter.amount, meter.currency)}
              {leftAfter !== null ? (
                <span className={leftAfter < 0 ? "font-semibold text-danger" : ""}>
                  {" "}
                  → {formatMoney(leftAfter, meter.currency)} after this batch
                  {leftAfter < 0 ? " (over budget)" : ""}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-ink-muted">No budget applies to your sends.</p>
      )}
      {spend.threshold !== null ? (
        <p className="text-sm">
          Approval threshold: {formatMoney(spend.threshold, currency)} per gift.
          {spend.rowsNeedApproval
            ? " Every gift of this batch will wait for a manager's approval before it goes out."
            : ""}
        </p>
      ) : null}
      {spend.refusal ? (
        <p role="alert" className="text-sm font-medium text-danger">
          {spend.refusal.replace(" Nothing was sent.", "")} Drop rows or ask for a bigger budget to start it.
        </p>
      ) : null}
    </section>
  );
}
