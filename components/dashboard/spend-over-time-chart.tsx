"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useLocale } from "@/components/app/locale-provider";
import { formatMoney } from "@/lib/spend/money";
import { formatDay } from "@/lib/time/format-day";
import { SERIES_COLORS } from "./chart-colors";

export type SpendChartProps = {
  currency: string;
  series: { key: string; label: string }[];
  weeks: { week: string; values: Record<string, number> }[];
};

/**
 * Weekly spend, stacked per team or rep (recharts). Loaded lazily (lazy-charts.tsx) so recharts stays
 * out of the dashboard's first load; decoration for sighted users, the table beside it is the data.
 */
export default function SpendOverTimeChart({ currency, series, weeks }: SpendChartProps) {
  const locale = useLocale();
  const money = (v: number) => formatMoney(v, currency, locale);
  const data = weeks.map((w) => ({
    week: formatDay(w.week, locale),
    ...Object.fromEntries(series.map((s) => [s.key, w.values[s.key] ?? 0])),
  }));
  return (
    <div aria-hidden="true" className="h-72 w-full" data-testid="spend-over-time-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ left: 8, right: 16 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="week" stroke="#475569" fontSize={12} />
          <YAxis tickFormatter={money} stroke="#475569" fontSize={12} width={80} />
          <Tooltip formatter={(v, name) => [money(Number(v)), name]} cursor={{ fill: "#f1f5f9" }} />
          <Legend />
          {series.map((s, i) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId="spend"
              fill={SERIES_COLORS[i % SERIES_COLORS.length]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
