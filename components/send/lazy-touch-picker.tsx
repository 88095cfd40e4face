"use client";

import dynamic from "next/dynamic";
import { cn } from "@/components/ui/cn";
import { controlClasses } from "@/components/ui/styles";

/**
 * The touch combobox (Headless UI, ~57 kB compressed with its floating-ui) loads after the page is
 * interactive instead of with it; until then a box of the same size says so.
 */
export const TouchPicker = dynamic(() => import("./touch-picker").then((m) => m.TouchPicker), {
  ssr: false,
  loading: () => (
    <div
      className={cn(controlClasses, "flex items-center text-ink-muted")}
      data-testid="touch-picker-loading"
    >
      Loading touches…
    </div>
  ),
});
