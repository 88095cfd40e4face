"use client";

import { useQuery } from "@tanstack/react-query";

export const UNREAD_QUERY_KEY = ["notifications", "unread"] as const;
export const UNREAD_POLL_MS = 30_000;

async function fetchUnread(): Promise<number> {
  const response = await fetch("/api/notifications/unread", { cache: "no-store" });
  if (!response.ok) throw new Error(`unread count: ${response.status}`);
  return ((await response.json()) as { unread: number }).unread;
}

/**
 * The caller's unread count, polled while the tab is visible (React Query pauses the interval when it
 * is hidden and refetches on focus). The server-rendered count seeds it, so the first poll waits.
 */
export function useUnreadCount(initialUnread: number): number {
  const { data } = useQuery({
    queryKey: UNREAD_QUERY_KEY,
    queryFn: fetchUnread,
    refetchInterval: UNREAD_POLL_MS,
    refetchIntervalInBackground: false,
    staleTime: UNREAD_POLL_MS,
    retry: false,
    initialData: initialUnread,
    initialDataUpdatedAt: () => Date.now(),
  });
  return data;
}
