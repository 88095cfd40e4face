import type { Role } from "@/lib/db/schema";

/** Pure sign-in rules, kept apart from next-auth so they can be tested row by row. */

export type GroupMapping = {
  managerGroups: string[];
  adminGroups: string[];
  teamGroupPrefix: string;
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

/** Role and team from the IdP's groups, at every sign-in. A user in no mapped group is a rep. */
export function roleAndTeamFromGroups(
  groups: string[],
  mapping: GroupMapping,
): { role: Role; team: string | null } {
  const lower = groups.map((g) => g.toLowerCase());
  const inAny = (names: string[]) => names.some((n) => lower.includes(n.toLowerCase()));
  const role: Role = inAny(mapping.adminGroups) ? "admin" : inAny(mapping.managerGroups) ? "manager" : "rep";
  const prefix = mapping.teamGroupPrefix.toLowerCase();
  const teamGroup = [...lower].sort().find((g) => g.startsWith(prefix) && g.length > prefix.length);
  return { role, team: teamGroup ? teamGroup.slice(prefix.length) : null };
}
