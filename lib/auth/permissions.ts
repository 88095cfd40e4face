import type { Role } from "@/lib/db/schema";

/** Everything a caller can ask Gift Desk to do, and which roles may. One table, tested row by row. */
export const ACTIONS = [
  "send",
  "view_own_sends",
  "view_team_sends",
  "view_all_sends",
  "view_dashboard",
  "export_sends",
  "resolve_unknown_sends",
  "connect_own_sendoso",
  "manage_shared_sendoso",
  "approve_sends",
  "manage_spend",
  "view_audit_log",
  "use_notifications",
  "manage_users",
  "manage_team_messages",
  "manage_touch_cards",
] as const;
export type Action = (typeof ACTIONS)[number];

// Each role can do everything the one before it can, and more.
// use_notifications: one's own inbox and email preferences (every query is scoped to the caller).
const REP: readonly Action[] = ["send", "view_own_sends", "connect_own_sendoso", "use_notifications"];
const MANAGER: readonly Action[] = [
  ...REP,
  "view_team_sends",
  "view_dashboard",
  "export_sends",
  "resolve_unknown_sends",
  // Only sends of their own team (or where they are the fallback approver), never their own.
  "approve_sends",
  // Their own team's saved messages (lib/messages/permissions.ts); an admin's, any team's.
  "manage_team_messages",
];
const ADMIN: readonly Action[] = [
  ...MANAGER,
  "view_all_sends",
  "manage_shared_sendoso",
  "manage_spend",
  "view_audit_log",
  // /admin/users: see everyone, suspend/restore, sign out everywhere, export, in-app roles.
  "manage_users",
  // /admin/touches: the pictures, words and prices reps see on touch cards.
  "manage_touch_cards",
];

const PERMISSIONS: Record<Role, readonly Action[]> = { rep: REP, manager: MANAGER, admin: ADMIN };

export function can(role: Role, action: Action): boolean {
  return PERMISSIONS[role].includes(action);
}
