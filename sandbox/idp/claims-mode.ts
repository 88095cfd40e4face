/**
 * How the dev IdP shapes group claims, to stand in for the IdPs companies run:
 * - groupsIn: `userinfo` (Okta's default, the old behaviour), `id_token` (Entra ID: groups and roles
 *   never in userinfo), or `both` (Keycloak with the mapper on both);
 * - groupFormat: `name` (`team-a`), `path` (Keycloak's full group path: `/sales/team-a`,
 *   `/gift-desk-managers`) or `id` (Entra's group object ids, stable GUIDs derived from the name);
 * - groupsOverage: Entra's overage: no groups claim, only `_claim_names`/`_claim_sources` pointing at Graph.
 * Set at start (IDP_GROUPS_IN, IDP_GROUP_FORMAT, IDP_GROUPS_OVERAGE) and at run time through PUT /__idp/mode.
 */
import { createHash } from "node:crypto";

export const GROUPS_IN = ["userinfo", "id_token", "both"] as const;
export const GROUP_FORMATS = ["name", "path", "id"] as const;
export type GroupsIn = (typeof GROUPS_IN)[number];
export type GroupFormat = (typeof GROUP_FORMATS)[number];

export interface ClaimsMode {
  groupsIn: GroupsIn;
  groupFormat: GroupFormat;
  groupsOverage: boolean;
}

export const DEFAULT_MODE: ClaimsMode = { groupsIn: "userinfo", groupFormat: "name", groupsOverage: false };

/** A stable Entra-style object id for a group name, so tests and docs can configure it. */
export function devGroupId(name: string): string {
  const hex = createHash("sha256").update(`gift-desk-dev-group:${name}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Keycloak-style full path: team groups live under `/sales`, the rest at the top level. */
export function devGroupPath(name: string): string {
  return name.startsWith("team-") ? `/sales/${name}` : `/${name}`;
}

export function formatGroup(name: string, format: GroupFormat): string {
  if (format === "id") return devGroupId(name);
  if (format === "path") return devGroupPath(name);
  return name;
}

export function parseMode(body: unknown, base: ClaimsMode): ClaimsMode | string {
  if (!body || typeof body !== "object") return 'Body must be JSON like {"groupsIn": "id_token"}';
  const { groupsIn, groupFormat, groupsOverage } = body as Record<string, unknown>;
  if (groupsIn !== undefined && !GROUPS_IN.includes(groupsIn as GroupsIn)) {
    return `groupsIn must be one of ${GROUPS_IN.join(", ")}`;
  }
  if (groupFormat !== undefined && !GROUP_FORMATS.includes(groupFormat as GroupFormat)) {
    return `groupFormat must be one of ${GROUP_FORMATS.join(", ")}`;
  }
  if (groupsOverage !== undefined && typeof groupsOverage !== "boolean")
    return "groupsOverage must be a boolean";
  return {
    groupsIn: (groupsIn as GroupsIn | undefined) ?? base.groupsIn,
    groupFormat: (groupFormat as GroupFormat | undefined) ?? base.groupFormat,
    groupsOverage: (groupsOverage as boolean | undefined) ?? base.groupsOverage,
  };
}
