import type { SpendOverTime } from "@/lib/insights/spend-over-time";
import { addDays } from "@/lib/sends/dashboard-period";
import { type HistoryFilters, historyQueryString } from "@/lib/sends/filters";
import { formatMoney } from "@/lib/spend/money";
import { formatDay } from "@/lib/time/format-day";
import { ChartSection } from "./chart-section";
import { LazySpendOverTimeChart } from "./lazy-charts";

type Props = {
  data: SpendOverTime;
  /** The dashboard's period (tz checked): each week links to its sends. */
  period: HistoryFilters;
  locale: string | undefined;
};

/** Weekly spend per team or rep: a lazily loaded chart and the same figures as a table. */
export function SpendOverTimeSection({ data, period, locale }: Props) {
  const money = (n: number) => formatMoney(n, data.currency, locale);
  const who = data.groupBy === "team" ? "team" : "rep";
  const hasSpend = data.series.length > 0;
  return (
    <ChartSection
      id="spend-over-time"
      title={`Weekly spend per ${who} (${data.currency})`}
      chart={<LazySpendOverTimeChart currency={data.currency} series={data.series} weeks={data.weeks} />}
      columns={["Week of", ...data.series.map((s) => s.label), "Total"]}
      rows={
        hasSpend
          ? data.weeks.map((w) => ({
              key: w.week,
              label: formatDay(w.week, locale),
              href: `/history${historyQueryString({
                team: period.team,
                tz: period.tz,
                from: w.week,
                to: addDays(w.week, 6),
              })}`,
              cells: [...data.series.map((s) => money(w.values[s.key] ?? 0)), money(w.total)],
            }))
          : []
      }
      empty="No gifts sent in this period."
    />
  );
}
