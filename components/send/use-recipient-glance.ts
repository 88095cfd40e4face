"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { RecipientGlance } from "@/lib/sends/recipient-glance";
import { recipientEmailSchema } from "@/lib/validation/send";

export const GLANCE_DEBOUNCE_MS = 400;
const KEY = "recipient-glance";

/** A lookup the server refused (rate limit, sign-in): its own words, shown as the glance's status. */
export class GlanceError extends Error {}

async function fetchGlance(email: string): Promise<RecipientGlance> {
  let response: Response;
  try {
    response = await fetch("/api/recipients/glance", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ email }),
    });
  } catch {
    throw new GlanceError("Could not reach Gift Desk to look this recipient up.");
  }
  const body = (await response.json().catch(() => null)) as (RecipientGlance & { error?: string }) | null;
  if (!response.ok || !body) throw new GlanceError(body?.error ?? "Could not look this recipient up.");
  return body;
}

/** `value` once it has stopped changing for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The glance for the email being typed: asked only for a valid address that has stopped changing
 * (each lookup counts against the caller's recipient-check limit), kept a minute per address, and
 * forgotten when the form goes away so the next form reads the allowance this gift changed.
 */
export function useRecipientGlance(typed: string) {
  const parsed = recipientEmailSchema.safeParse(typed);
  const email = useDebounced(parsed.success ? parsed.data : null, GLANCE_DEBOUNCE_MS);
  const queryClient = useQueryClient();
  useEffect(() => () => queryClient.removeQueries({ queryKey: [KEY] }), [queryClient]);
  const query = useQuery({
    queryKey: [KEY, email],
    queryFn: () => fetchGlance(email as string),
    enabled: email !== null,
    staleTime: 60_000,
    retry: false,
    refetchOnWindowFocus: false,
  });
  // While the address is still changing, the previous answer is not shown as if it were this one's.
  const current = parsed.success && email === parsed.data ? email : null;
  return { email: current, query };
}
