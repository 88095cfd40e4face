/** After this many tries an email is given up as failed (spread over about two hours, see deliver-email). */
export const MAX_EMAIL_ATTEMPTS = 8;
const ERROR_MAX = 500;

export type SmtpOutcome =
  | { kind: "sent" }
  | { kind: "retrying" | "failed"; error: string; transportDown: boolean };

type SmtpError = { message?: unknown; responseCode?: unknown; code?: unknown };

/**
 * What a failed SMTP attempt means. A 5xx reply is the server's final word (no such mailbox, refused
 * sender): retrying cannot help. A 4xx reply, or no reply at all (connection refused, timeout), is
 * temporary; without any reply the server is unreachable, so the rest of the batch waits for a later run.
 */
export function smtpOutcome(error: unknown, attemptsBefore: number): SmtpOutcome {
  const e = (typeof error === "object" && error !== null ? error : {}) as SmtpError;
  const code = typeof e.responseCode === "number" ? e.responseCode : null;
  const message = typeof e.message === "string" ? e.message : String(error);
  const label = code !== null ? `${code}` : typeof e.code === "string" ? e.code : "error";
  const text = `${label}: ${message}`.slice(0, ERROR_MAX);
  const permanent = code !== null && code >= 500 && code < 600;
  const exhausted = attemptsBefore + 1 >= MAX_EMAIL_ATTEMPTS;
  return { kind: permanent || exhausted ? "failed" : "retrying", error: text, transportDown: code === null };
}

/** Attempt n+1 waits until (2^n − 1) × base after the email was queued: 0, 1, 3, 7 … 127 minutes. */
export function retryDelayMs(attemptsBefore: number, baseMs: number): number {
  return (2 ** attemptsBefore - 1) * baseMs;
}
