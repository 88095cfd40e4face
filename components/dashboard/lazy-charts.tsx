"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

// recharts is ~100 kB compressed: these charts load after the page, in their own chunks, and never on
// the server (they measure their container). The placeholder keeps the layout from jumping.
const placeholder = () => <Skeleton className="h-72" />;

export const LazySpendOverTimeChart = dynamic(() => import("./spend-over-time-chart"), {
  ssr: false,
  loading: placeholder,
});

export const LazyBurnDownChart = dynamic(() => import("./burn-down-chart"), {
  ssr: false,
  loading: placeholder,
});
