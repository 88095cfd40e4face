import type { Role } from "@/lib/db/schema";

/** Pure sign-in rules, kept apart from next-auth so they can be tested row by row. */

export type GroupMapping = {
  managerGroups: string[];
  adminGroups: string[];
  teamGroupPrefix: string;
  /** Explicit `group → team` (keys lower-case): Entra group object ids, or names that fit no prefix. */
  teamGroups?: Record<string, string>;
};

/** Exact, case-insensitive domain match: `giftdesk.test.evil.com` and `evilgiftdesk.test` are not `giftdesk.test`. */
export function isAllowedEmailDomain(email: string, allowedDomains: string[]): boolean {
  const at = email.lastIndexOf("@");
  if (at <= 0 || at === email.length - 1) return false;
  const domain = email.slice(at + 1).toLowerCase();
  return allowedDomains.some((allowed) => allowed.toLowerCase() === domain);
}

/** Reads a groups claim that may be an array, a single string, or missing. */
export function groupsFromClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === "string");
  if (typeof value === "string") return [value];
  return [];
}

/**
 * How one group value can be named in the configuration, lower-case. Keycloak sends full paths
 * (`/sales/team-a`): the path without its leading `/` and its last segment both count, so
 * `team-a`, `sales/team-a` and `/sales/team-a` in the settings all match it. An Entra object id or a
 * plain name is just itself.
 */
export function groupNames(group: string): { full: string; leaf: string } {
  const full = group.trim().toLowerCase().replace(/^\/+/, "");
  const leaf = full.slice(full.lastIndexOf("/") + 1);
  return { full, leaf };
}

/**
 * A configured entry with a `/` names a full path and must match it exactly; one without names a group
 * anywhere in the tree (or an id). Never a prefix or substring match, so `gift-desk-admins-old` is not
 * `gift-desk-admins`.
 */
function matchesEntry(group: string, entry: string): boolean {
  const { full, leaf } = groupNames(group);
  const wanted = groupNames(entry).full;
  return wanted.includes("/") ? full === wanted : leaf === wanted || full === wanted;
}

function teamOf(group: string, mapping: GroupMapping): string | null {
  for (const [entry, team] of Object.entries(mapping.teamGroups ?? {})) {
    if (matchesEntry(group, entry)) return team;
  }
  const prefix = mapping.teamGroupPrefix.toLowerCase();
  const { leaf } = groupNames(group);
  return prefix && leaf.startsWith(prefix) && leaf.length > prefix.length ? leaf.slice(prefix.length) : null;
}

/**
 * Role and team from the IdP's groups (and app roles, which map the same way), at every sign-in.
 * A user in no mapped group is a rep; with several teams the alphabetically first wins, so the result
 * never depends on the order the IdP lists them in.
 */
export function roleAndTeamFromGroups(
  groups: string[],
  mapping: GroupMapping,
): { role: Role; team: string | null } {
  const inAny = (entries: string[]) => groups.some((g) => entries.some((e) => matchesEntry(g, e)));
  const role: Role = inAny(mapping.adminGroups) ? "admin" : inAny(mapping.managerGroups) ? "manager" : "rep";
  const teams = groups.map((g) => teamOf(g, mapping)).filter((t): t is string => t !== null);
  return { role, team: teams.sort()[0] ?? null };
}

/** email_verified must say yes (`true` or `"true"`); a missing claim passes only when trusted on purpose. */
export function emailVerified(value: unknown, trustMissing: boolean): boolean {
  if (value === true || value === "true") return true;
  return value === undefined && trustMissing;
}
