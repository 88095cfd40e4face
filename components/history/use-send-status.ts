"use client";

import { useQuery } from "@tanstack/react-query";
import type { SendStatus } from "@/lib/sends/history-status";

export const STATUS_POLL_MS = 15_000;

async function fetchStatuses(ids: string[]): Promise<SendStatus[]> {
  const response = await fetch(`/api/sends/status?ids=${ids.join(",")}`, { cache: "no-store" });
  if (!response.ok) throw new Error(`status poll: ${response.status}`);
  return ((await response.json()) as { statuses: SendStatus[] }).statuses;
}

/**
 * Polls the sends on screen whose status can still change. React Query stops the interval while the
 * tab is hidden (`refetchIntervalInBackground: false`) and catches up when it is shown again.
 */
export function useSendStatus(ids: readonly string[]): Map<string, SendStatus> {
  const sorted = [...ids].sort();
  const { data } = useQuery({
    queryKey: ["send-status", sorted],
    queryFn: () => fetchStatuses(sorted),
    enabled: sorted.length > 0,
    refetchInterval: STATUS_POLL_MS,
    refetchIntervalInBackground: false,
    staleTime: STATUS_POLL_MS,
    retry: false,
    // The server just rendered these rows: the first poll can wait a full interval.
    initialData: [],
    initialDataUpdatedAt: () => Date.now(),
  });
  return new Map((data ?? []).map((s) => [s.id, s]));
}
