import type { Role, RoleSource } from "@/lib/db/schema";

/**
 * The roles and role sources, repeated from lib/db/tables/users.ts (type-checked against it both ways)
 * so client components and shared schemas do not pull the Drizzle schema into the browser bundle.
 */
export const ROLE_CHOICES = ["rep", "manager", "admin"] as const satisfies readonly Role[];
export const ROLE_SOURCE_CHOICES = [
  "idp",
  "admin",
  "bootstrap",
  "default",
] as const satisfies readonly RoleSource[];

type Covers<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
export const rolesCovered: Covers<Role, (typeof ROLE_CHOICES)[number]> = true;
export const roleSourcesCovered: Covers<RoleSource, (typeof ROLE_SOURCE_CHOICES)[number]> = true;
