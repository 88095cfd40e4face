import type { NotificationCategory } from "@/lib/db/schema";

/** Who can receive a category: approver notices only reach managers and admins. */
export type CategoryAudience = "everyone" | "approvers";

/**
 * What each category means to the person getting it: the label and help text on the settings page,
 * and the reason line at the bottom of every email. No server imports, so the client can use it too.
 */
export const CATEGORY_INFO: Record<
  NotificationCategory,
  { label: string; description: string; audience: CategoryAudience }
> = {
  approval_needed: {
    label: "Approval needed",
    description: "A send from your team waits for your approval.",
    audience: "approvers",
  },
  approval_reminder: {
    label: "Approval reminders",
    description: "A send has waited for approval longer than your team allows.",
    audience: "approvers",
  },
  send_approved: {
    label: "Send approved",
    description: "An approver approved one of your sends and it went out.",
    audience: "everyone",
  },
  send_rejected: {
    label: "Send rejected",
    description: "An approver rejected one of your sends, with their reason.",
    audience: "everyone",
  },
  send_failed: {
    label: "Send failed",
    description: "Sendoso refused one of your sends, so no gift went out.",
    audience: "everyone",
  },
  unknown_resolved: {
    label: "Unclear send resolved",
    description: "A send Gift Desk was unsure about was found in Sendoso (or confirmed not sent).",
    audience: "everyone",
  },
  waiting_on_recipient: {
    label: "Waiting on the recipient",
    description: "One of your gifts has waited on its recipient for days; a personal nudge often helps.",
    audience: "everyone",
  },
  budget_threshold: {
    label: "Budget almost used",
    description: "A budget you send from is 80% used.",
    audience: "everyone",
  },
  needs_checking: {
    label: "Gift needs checking",
    description: "A send in your team could not be confirmed with Sendoso for a while; check it in Sendoso.",
    audience: "approvers",
  },
  bulk_finished: {
    label: "Bulk send finished",
    description: "A bulk send you started has gone through every row; its results are ready.",
    audience: "everyone",
  },
};
