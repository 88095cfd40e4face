import { runNotifications } from "@/lib/jobs/runs";
import { cronRoute } from "@/lib/security/cron-auth";

/**
 * For production schedulers (every minute or so): "waiting on recipient" notices, then the email outbox.
 * Safe to call repeatedly and from several places at once: notices are deduplicated and only one caller
 * at a time delivers email (the others get `email.ran: false`).
 */
export const POST = cronRoute(runNotifications);
