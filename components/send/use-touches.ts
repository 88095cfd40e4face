"use client";

import { useQuery } from "@tanstack/react-query";
import type { TouchOption } from "@/lib/sends/touch-options";

/** Touches from the server render, refreshed in the background so a touch retired meanwhile disappears. */
export function useTouches(initial: TouchOption[]) {
  return useQuery({
    queryKey: ["touches"],
    queryFn: async (): Promise<TouchOption[]> => {
      const response = await fetch("/api/touches", { headers: { accept: "application/json" } });
      if (!response.ok) throw new Error(`touches: ${response.status}`);
      return ((await response.json()) as { touches: TouchOption[] }).touches;
    },
    initialData: initial,
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  });
}
