"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useLocale } from "@/components/app/locale-provider";
import { formatMoney } from "@/lib/spend/money";
import { formatDay } from "@/lib/time/format-day";

export type BurnDownChartProps = {
  currency: string;
  days: { day: string; left: number | null; plan: number }[];
};

/**
 * What is left of the budget day by day (solid) against an even pace (dashed). Lazily loaded, hidden
 * from assistive tech: the table beside it carries the same figures.
 */
export default function BurnDownChart({ currency, days }: BurnDownChartProps) {
  const locale = useLocale();
  const money = (v: number) => formatMoney(v, currency, locale);
  const data = days.map((d) => ({ day: formatDay(d.day, locale), left: d.left, plan: d.plan }));
  return (
    <div aria-hidden="true" className="h-72 w-full" data-testid="burn-down-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ left: 8, right: 16 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="day" stroke="#475569" fontSize={12} minTickGap={16} />
          <YAxis tickFormatter={money} stroke="#475569" fontSize={12} width={80} />
          <Tooltip formatter={(v, name) => [money(Number(v)), name]} />
          <Legend />
          <Line
            dataKey="left"
            name="Left"
            stroke="#4f46e5"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="plan"
            name="Even pace"
            stroke="#475569"
            strokeDasharray="6 4"
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
