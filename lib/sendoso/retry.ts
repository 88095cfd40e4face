/** Capped exponential backoff with full jitter (the only retry timing in the Sendoso client). */
export function backoffMs(attempt: number, baseMs = 200, capMs = 2_000): number {
  return Math.random() * Math.min(capMs, baseMs * 2 ** attempt);
}

/** Seconds from a Retry-After header, capped, with a default when the header is missing or a date. */
export function retryAfterMs(headers: Headers, defaultMs = 1_000, capMs = 5_000): number {
  const header = headers.get("retry-after");
  // Number(null) and Number("") are 0: a missing header must not mean "retry at once".
  const seconds = header === null || header.trim() === "" ? Number.NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(capMs, seconds * 1_000) : defaultMs;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
