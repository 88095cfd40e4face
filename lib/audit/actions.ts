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
  "send.found_after_not_sent",
  "budget.changed",
  "approval_policy.changed",
  "touch_estimate.changed",
  "org_limits.changed",
  "sendoso_connection.connected",
  "sendoso_connection.disconnected",
  "user.role_changed",
  "user.signed_in",
  "user.sign_in_refused",
  "export.sends",
  "export.audit_log",
  "user.signed_in_without_groups",
  "user.signed_out",
  "user.signed_out_everywhere",
  "user.suspended",
  "user.restored",
  "export.users",
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
  "send.found_after_not_sent": "Send found after marked not sent",
  "budget.changed": "Budget changed",
  "approval_policy.changed": "Approval policy changed",
  "touch_estimate.changed": "Touch estimate changed",
  "org_limits.changed": "Org-wide spend limits changed",
  "sendoso_connection.connected": "Sendoso connected",
  "sendoso_connection.disconnected": "Sendoso disconnected",
  "user.role_changed": "Role or team changed",
  "user.signed_in": "Signed in",
  "user.sign_in_refused": "Sign-in refused",
  "export.sends": "History exported",
  "export.audit_log": "Audit log exported",
  "user.signed_in_without_groups": "Signed in with no groups",
  "user.signed_out": "Signed out",
  "user.signed_out_everywhere": "Signed out everywhere",
  "user.suspended": "User suspended",
  "user.restored": "User restored",
  "export.users": "Users exported",
};
