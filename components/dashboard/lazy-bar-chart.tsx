"use client";

import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import type { BarChartView } from "./bar-chart-card";

/** recharts (~100 kB compressed) loads after the page is interactive; the tables carry the figures meanwhile. */
const Chart = dynamic(() => import("./bar-chart-card").then((m) => m.BarChartView), { ssr: false });

export function LazyBarChart(props: ComponentProps<typeof BarChartView>) {
  // Same height as the chart will take, so the table below does not jump when it arrives.
  return (
    <div style={{ minHeight: Math.max(120, props.data.length * 36 + 40) }}>
      <Chart {...props} />
    </div>
  );
}
