"use client";

import { type FormEvent, useEffect, useState } from "react";

/**
 * The viewer's IANA time zone, for a hidden `tz` field: days in date filters are the viewer's days.
 * Starts at `initial` (from the URL, or empty) so the server render and the first client render agree.
 */
export function useViewerTimeZone(initial = ""): string {
  const [timeZone, setTimeZone] = useState(initial);
  useEffect(() => setTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);
  return timeZone;
}

/**
 * The non-empty, trimmed fields of a GET filter form, for a client-side submit that keeps the URL short
 * and shareable. Prevents the native submit; without JavaScript the form still submits as is.
 */
export function filterSearchParams(event: FormEvent<HTMLFormElement>): URLSearchParams {
  event.preventDefault();
  const search = new URLSearchParams();
  for (const [key, value] of new FormData(event.currentTarget)) {
    if (typeof value === "string" && value.trim() !== "") search.set(key, value.trim());
  }
  return search;
}
