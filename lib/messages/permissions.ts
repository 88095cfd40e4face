import { can } from "@/lib/auth/permissions";
import type { MessageTemplate, User } from "@/lib/db/schema";

type Caller = Pick<User, "id" | "role" | "team">;

/** A team's saved messages are written by its managers, or by an admin for any team. */
export function mayManageTeamMessages(user: Caller, team: string): boolean {
  if (!can(user.role, "manage_team_messages")) return false;
  return user.role === "admin" || user.team === team;
}

/** Who may change or delete this saved message: its owner, or whoever may manage its team's. */
export function mayManageTemplate(user: Caller, template: Pick<MessageTemplate, "team" | "userId">): boolean {
  if (template.userId) return template.userId === user.id;
  return template.team !== null && mayManageTeamMessages(user, template.team);
}

/** May this caller send with this saved message: their own, or their team's. */
export function mayUseTemplate(user: Caller, template: Pick<MessageTemplate, "team" | "userId">): boolean {
  if (template.userId) return template.userId === user.id;
  return template.team !== null && template.team === user.team;
}
