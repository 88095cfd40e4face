import type { BurnDown } from "@/lib/insights/burn-down";
import { historyQueryString } from "@/lib/sends/filters";
import { formatMoney } from "@/lib/spend/money";
import { formatDay } from "@/lib/time/format-day";
import { ChartSection } from "./chart-section";
import { LazyBurnDownChart } from "./lazy-charts";

type Props = {
  data: BurnDown | null;
  /** The team asked about; undefined when an admin has not picked one. */
  team: string | undefined;
  /** The org's zone (budget days are its days), for the history links. */
  timeZone: string;
  locale: string | undefined;
};

/** The team budget's current period: what is left, day by day, against an even pace. */
export function BurnDownSection({ data, team, timeZone, locale }: Props) {
  const title = data
    ? `Team ${data.team} ${data.period} budget, ${formatDay(data.firstDay, locale)}–${formatDay(data.lastDay, locale)}`
    : "Budget burn-down";
  const empty = !team
    ? "Pick a team to see its budget burn-down."
    : `Team ${team} has no team budget. An admin sets one in Spend controls.`;
  const money = (n: number) => (data ? formatMoney(n, data.currency, locale) : "");
  // The table lists the days so far; the chart also draws the even pace to the period's end.
  const sofar = data?.days.filter((d) => d.used !== null) ?? [];
  return (
    <ChartSection
      id="burn-down"
      title={title}
      chart={data ? <LazyBurnDownChart currency={data.currency} days={data.days} /> : null}
      columns={["Day", "Spent and reserved", "Left", "Even pace"]}
      rows={sofar.map((d) => ({
        key: d.day,
        label: formatDay(d.day, locale),
        href: `/history${historyQueryString({ team: data?.team, tz: timeZone, from: d.day, to: d.day })}`,
        cells: [money(d.used ?? 0), money(d.left ?? 0), money(d.plan)],
      }))}
      empty={empty}
    />
  );
}
