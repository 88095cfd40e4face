/**
 * The actions the audit log records (issue 7). Add here; never rename one already written.
 * No imports, so client components (the filter form, labels) can use the list without Drizzle.
 */
export const AUDIT_ACTIONS = [
  "send.submitted",
  "send.approved",
  "send.rejected",
  "send.cancelled",
  "send.marked_not_sent",
  "send.resolved_by_sync",
  "budget.changed",
  "approval_policy.changed",
  "touch_estimate.changed",
  "sendoso_connection.connected",
  "sendoso_connection.disconnected",
  "user.role_changed",
  "user.signed_in",
  "user.sign_in_refused",
  "export.sends",
  "export.audit_log",
  "bulk.uploaded",
  "bulk.started",
  "bulk.paused",
  "bulk.resumed",
  "bulk.cancelled",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** How each action reads in the admin's table and filter. */
export const AUDIT_ACTION_LABEL: Record<AuditAction, string> = {
  "send.submitted": "Send submitted",
  "send.approved": "Send approved",
  "send.rejected": "Send rejected",
  "send.cancelled": "Send cancelled",
  "send.marked_not_sent": "Send marked not sent",
  "send.resolved_by_sync": "Send resolved by sync",
  "budget.changed": "Budget changed",
  "approval_policy.changed": "Approval policy changed",
  "touch_estimate.changed": "Touch estimate changed",
  "sendoso_connection.connected": "Sendoso connected",
  "sendoso_connection.disconnected": "Sendoso disconnected",
  "user.role_changed": "Role or team changed",
  "user.signed_in": "Signed in",
  "user.sign_in_refused": "Sign-in refused",
  "export.sends": "History exported",
  "export.audit_log": "Audit log exported",
  "bulk.uploaded": "Bulk file uploaded",
  "bulk.started": "Bulk send started",
  "bulk.paused": "Bulk send paused",
  "bulk.resumed": "Bulk send resumed",
  "bulk.cancelled": "Bulk send cancelled",
};
