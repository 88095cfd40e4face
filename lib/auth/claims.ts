import { groupsFromClaim } from "./identity-rules";

/**
 * One set of claims from the two places an OIDC IdP puts them.
 *
 * Auth.js (@auth/core 0.41, lib/actions/callback/oauth/callback.js) with `idToken: false` validates the
 * ID token (issuer, audience, expiry, nonce, azp, over the back channel) and then *replaces* the profile
 * with the userinfo answer, whose `sub` it checks against the ID token's. Entra ID puts `groups` and
 * `roles` only in the ID token, Okta and the dev IdP's default only in userinfo. So the signIn callback
 * reads the raw ID token from `account.id_token` (the one oauth4webapi just validated) and merges:
 * userinfo wins for every profile field it carries, the ID token fills the rest, and groups/roles are
 * the union (or one configured source).
 */
export type GroupsSource = "union" | "id_token" | "userinfo";

export type ClaimRules = { groupsClaim: string; rolesClaim: string; groupsSource: GroupsSource };

/** Protocol claims of the ID token that say nothing about the user. */
const PROTOCOL = ["iss", "aud", "exp", "iat", "nbf", "nonce", "at_hash", "c_hash", "azp", "auth_time", "jti"];

/**
 * The payload of a compact JWS, or {} when there is none. Not a verification: call it only on the ID
 * token Auth.js has validated in the same request.
 */
export function idTokenPayload(idToken: unknown): Record<string, unknown> {
  if (typeof idToken !== "string") return {};
  const payload = idToken.split(".")[1];
  if (!payload) return {};
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    return parsed && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function pick(
  source: GroupsSource,
  claim: string,
  idToken: Record<string, unknown>,
  userinfo: Record<string, unknown>,
) {
  const fromIdToken = source === "userinfo" ? [] : groupsFromClaim(idToken[claim]);
  const fromUserinfo = source === "id_token" ? [] : groupsFromClaim(userinfo[claim]);
  return [...new Set([...fromIdToken, ...fromUserinfo])];
}

export function mergeClaims(
  idToken: Record<string, unknown>,
  userinfo: Record<string, unknown>,
  rules: ClaimRules,
): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(idToken)) if (!PROTOCOL.includes(key)) merged[key] = value;
  for (const [key, value] of Object.entries(userinfo))
    if (value !== undefined && value !== null) merged[key] = value;
  // The subject is the ID token's (Auth.js refused a userinfo answer for anyone else).
  if (typeof idToken.sub === "string") merged.sub = idToken.sub;
  merged[rules.groupsClaim] = pick(rules.groupsSource, rules.groupsClaim, idToken, userinfo);
  merged[rules.rolesClaim] = pick(rules.groupsSource, rules.rolesClaim, idToken, userinfo);
  return merged;
}

/**
 * Entra ID's groups overage: a user in more groups than fit in a token (200 in a JWT) gets no groups
 * claim, only a pointer to Microsoft Graph in `_claim_names` (or `hasgroups: true`). Signing them in
 * as a teamless rep would be silently wrong, so the sign-in is refused with what IT must change.
 */
export function hasGroupsOverage(claims: Record<string, unknown>, groupsClaim: string): boolean {
  if (groupsFromClaim(claims[groupsClaim]).length > 0) return false;
  const names = claims._claim_names;
  const pointsAway =
    !!names && typeof names === "object" && (groupsClaim in names || "groups" in (names as object));
  return pointsAway || claims.hasgroups === true || claims.hasgroups === "true";
}
