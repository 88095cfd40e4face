import { eq, type SQL, sql } from "drizzle-orm";
import { can } from "@/lib/auth/permissions";
import { sends, type User } from "@/lib/db/schema";

/** Whose sends a caller may read. Every history query filters by it in SQL. */
export type SendScope =
  | { kind: "own"; userId: string }
  | { kind: "team"; team: string; userId: string }
  | { kind: "all" };

export function sendScopeFor(user: Pick<User, "id" | "role" | "team">): SendScope {
  if (can(user.role, "view_all_sends")) return { kind: "all" };
  if (can(user.role, "view_team_sends") && user.team)
    return { kind: "team", team: user.team, userId: user.id };
  return { kind: "own", userId: user.id };
}

export function scopeCondition(scope: SendScope): SQL {
  switch (scope.kind) {
    case "own":
      return eq(sends.senderId, scope.userId);
    case "team":
      // A manager also sees their own sends, even from before they joined the team.
      return sql`(${sends.team} = ${scope.team} or ${sends.senderId} = ${scope.userId})`;
    case "all":
      return sql`true`;
  }
}
