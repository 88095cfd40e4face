import type { Role, RoleSource } from "@/lib/db/schema";

/** Where roles come from: the IdP's groups (default), or admins in /admin/users (AUTH_ROLE_SOURCE=app). */
export type RoleSourceMode = "idp" | "app";

export type Assignment = { role: Role; team: string | null; roleSource: RoleSource };

/**
 * The role and team a sign-in leaves in force. With `idp` it is what the groups say, every time. With
 * `app` (IdPs without groups, such as Google Workspace) the IdP's groups are ignored: an admin's
 * assignment stands; else an email in AUTH_BOOTSTRAP_ADMINS is an admin, so the first admin can get in;
 * everyone else is a rep with no team until an admin says otherwise. Switching a running install from
 * `idp` to `app` therefore drops every role no admin assigned in the app (fail closed).
 */
export function assignmentAtSignIn(
  mode: RoleSourceMode,
  fromIdp: { role: Role; team: string | null },
  email: string,
  bootstrapAdmins: readonly string[],
  previous: Assignment | undefined,
): Assignment {
  if (mode === "idp") return { ...fromIdp, roleSource: "idp" };
  if (previous?.roleSource === "admin") return previous;
  if (bootstrapAdmins.includes(email.toLowerCase())) {
    return { role: "admin", team: previous?.team ?? null, roleSource: "bootstrap" };
  }
  return { role: "rep", team: null, roleSource: "default" };
}
