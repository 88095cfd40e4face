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
] as const;
export type Action = (typeof ACTIONS)[number];

const PERMISSIONS: Record<Role, readonly Action[]> = {
  rep: ["send", "view_own_sends", "connect_own_sendoso"],
  manager: [
    "send",
    "view_own_sends",
    "view_team_sends",
    "view_dashboard",
    "export_sends",
    "resolve_unknown_sends",
    "connect_own_sendoso",
  ],
  admin: [
    "send",
    "view_own_sends",
    "view_team_sends",
    "view_all_sends",
    "view_dashboard",
    "export_sends",
    "resolve_unknown_sends",
    "connect_own_sendoso",
    "manage_shared_sendoso",
  ],
};

export function can(role: Role, action: Action): boolean {
  return PERMISSIONS[role].includes(action);
}
