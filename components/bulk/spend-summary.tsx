import { type BatchSpend, budgetLabel } from "@/lib/bulk/batch-spend";
import { formatMoney } from "@/lib/spend/money";

const capitalised = (text: string) => `${text[0]?.toUpperCase() ?? ""}${text.slice(1)}`;

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
          <>This touch has no cost estimate, so the batch&apos;s total is not known.</>
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
              {capitalised(budgetLabel(meter))}: {formatMoney(meter.left, meter.currency)} left of{" "}
              {formatMoney(meter.amount, meter.currency)}
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
        <p className="text-sm">Approval threshold: {formatMoney(spend.threshold, currency)}.</p>
      ) : null}
      {spend.approval && !spend.refusal ? (
        <p className="text-sm font-medium" data-testid="batch-needs-approval">
          {spend.approval.message} The whole batch waits for one approval; nothing is sent before it.
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
