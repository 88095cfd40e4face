"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useLocale } from "@/components/app/locale-provider";
import { formatMoney } from "@/components/history/labels";

export type BarDatum = { label: string; value: number };

/** `currency` formats values as money; otherwise they are counts. (Server parents cannot pass functions.) */
type Props = { data: BarDatum[]; valueName: string; currency?: string };

/**
 * A horizontal bar chart (recharts). It is decoration for sighted users: hidden from assistive tech,
 * with no keyboard layer, because the table beside it carries the same numbers accessibly.
 */
export function BarChartView({ data, valueName, currency }: Props) {
  const locale = useLocale();
  const formatValue = (v: number) =>
    currency ? formatMoney(v, currency, locale) : new Intl.NumberFormat(locale).format(v);
  const height = Math.max(120, data.length * 36 + 40);
  return (
    <div aria-hidden="true" style={{ height }} className="w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24 }} accessibilityLayer={false}>
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis
            type="number"
            tickFormatter={formatValue}
            allowDecimals={false}
            stroke="#475569"
            fontSize={12}
          />
          <YAxis type="category" dataKey="label" width={140} stroke="#475569" fontSize={12} />
          <Tooltip formatter={(v) => [formatValue(Number(v)), valueName]} cursor={{ fill: "#f1f5f9" }} />
          <Bar
            dataKey="value"
            name={valueName}
            fill="#4f46e5"
            radius={[0, 4, 4, 0]}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
