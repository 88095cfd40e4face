"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/action-result";
import { UNREAD_QUERY_KEY } from "./use-unread-count";

/**
 * Runs an inbox action, then refreshes the list (server components) and the bell (React Query:
 * revalidatePath alone never touches the client cache).
 */
export function useInboxAction<T>(action: () => Promise<ActionResult<T>>) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const run = () =>
    startTransition(async () => {
      const result = await action();
      setError(result.ok ? undefined : (result.formError ?? "Something went wrong. Try again."));
      await queryClient.invalidateQueries({ queryKey: UNREAD_QUERY_KEY });
      router.refresh();
    });
  return { run, pending, error };
}
