import { z } from "zod";
import { ROLE_SOURCE_CHOICES as ROLE_SOURCES, ROLE_CHOICES as ROLES } from "./roles";

/** Filters of /admin/users, from the URL (every field optional; anything malformed is dropped). */
export const USER_STATES = ["active", "suspended"] as const;

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const userFiltersSchema = z.object({
  q: optional(z.string().trim().min(1).max(100)),
  role: optional(z.enum(ROLES)),
  team: optional(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/),
  ),
  state: optional(z.enum(USER_STATES)),
  source: optional(z.enum(ROLE_SOURCES)),
});
export type UserFilters = z.output<typeof userFiltersSchema>;

export function parseUserFilters(params: Record<string, string | string[] | undefined> | URLSearchParams) {
  const get = (key: string) => {
    const value = params instanceof URLSearchParams ? params.get(key) : params[key];
    return (Array.isArray(value) ? value[0] : value) || undefined;
  };
  return userFiltersSchema.parse(
    Object.fromEntries(["q", "role", "team", "state", "source"].map((k) => [k, get(k)])),
  );
}

export function userFiltersQuery(filters: UserFilters): string {
  const search = new URLSearchParams(
    Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === "string"),
  ).toString();
  return search ? `?${search}` : "";
}

export const userIdSchema = z.object({ userId: z.uuid() });

export const assignRoleSchema = z.object({
  userId: z.uuid(),
  role: z.enum(ROLES),
  team: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^([a-z0-9][a-z0-9_-]{0,39})?$/, "Use letters, digits, - or _ (or leave empty for no team)")
    .transform((t) => t || null),
});
