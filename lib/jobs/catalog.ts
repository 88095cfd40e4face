/**
 * The jobs readiness watches, by lease name (`job_leases.name`), with how often each is meant to run
 * (in-process schedule in schedule.ts, or the scheduler calling /api/cron/* every minute). A job that
 * has not succeeded for `STALE_AFTER_INTERVALS` intervals fails /api/ready: stuck sends are then not
 * being swept, unknowns not reconciled, reminders and emails not sent.
 */
export type WatchedJob = { name: string; intervalMs: number };

export const STALE_AFTER_INTERVALS = 3;

const MINUTE = 60_000;

export function watchedJobs(options: { email: boolean }): WatchedJob[] {
  return [
    { name: "sweep-in-flight", intervalMs: MINUTE },
    { name: "sendoso-sync", intervalMs: MINUTE },
    { name: "approver-alerts", intervalMs: MINUTE },
    // Only runs with SMTP configured (lib/notifications/jobs.ts).
    ...(options.email ? [{ name: "email-delivery", intervalMs: MINUTE }] : []),
  ];
}
