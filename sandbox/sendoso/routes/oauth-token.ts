import { bodyParams, json, type SimRequest, type SimResponse } from "../http-utils";
import { pkceMatches, type TokenRecord } from "../oauth-store";
import type { OAuthClientConfig } from "../options";
import type { Handler } from "../router";
import { increment, type SimulatorState } from "../state";

/** Doorkeeper's exact error texts (config/locales/en.yml). */
export const INVALID_GRANT_DESCRIPTION =
  "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.";
export const INVALID_CLIENT_DESCRIPTION =
  "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.";

const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" };
const oauthError = (
  status: number,
  error: string,
  description: string,
  headers: Record<string, string> = {},
) => json(status, { error, error_description: description }, { ...NO_STORE, ...headers });
const invalidGrant = () => oauthError(400, "invalid_grant", INVALID_GRANT_DESCRIPTION);
const missing = (name: string) => oauthError(400, "invalid_request", `Missing required parameter: ${name}.`);
const invalidClient = () =>
  oauthError(401, "invalid_client", INVALID_CLIENT_DESCRIPTION, {
    "www-authenticate": 'Basic realm="Doorkeeper"',
  });

/** Body params (form or JSON), falling back to the query string like Rails `params`. */
function params(req: SimRequest): (name: string) => string | undefined {
  const body = bodyParams(req);
  return (name) => body.get(name) ?? req.query.get(name) ?? undefined;
}

/** Client auth by HTTP Basic (preferred) or `client_id`/`client_secret` params. */
function authenticateClient(
  req: SimRequest,
  param: (name: string) => string | undefined,
  state: SimulatorState,
): OAuthClientConfig | undefined {
  const basic = /^Basic\s+(\S+)\s*$/i.exec(String(req.headers.authorization ?? ""));
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) return undefined;
    const formDecode = (s: string) => {
      try {
        return decodeURIComponent(s.replaceAll("+", " "));
      } catch {
        return s;
      }
    };
    return state.oauth.authenticateClient(
      formDecode(decoded.slice(0, colon)),
      formDecode(decoded.slice(colon + 1)),
    );
  }
  return state.oauth.authenticateClient(param("client_id"), param("client_secret"));
}

function tokenResponse(record: TokenRecord): SimResponse {
  return json(
    200,
    {
      access_token: record.accessToken,
      token_type: "Bearer",
      expires_in: record.expiresInSeconds,
      refresh_token: record.refreshToken,
      scope: record.scope,
      created_at: Math.floor(record.createdAtMs / 1000),
    },
    NO_STORE,
  );
}

/** POST /oauth/token: authorization_code and refresh_token grants (contract §1.2, §9.1). */
export const issueToken: Handler = (req, { state }) => {
  const param = params(req);
  const grantType = param("grant_type");
  increment(state.stats.token_requests, grantType ?? "missing");
  const client = authenticateClient(req, param, state);
  if (!client) return invalidClient();
  if (!grantType) return missing("grant_type");

  const now = state.clock.nowMs();
  const issue = (userId: number, scope: string) => {
    increment(state.stats.tokens_issued, grantType);
    const ttlSeconds = state.options.accessTokenTtlSeconds;
    return tokenResponse(
      state.oauth.issueToken({ clientId: client.clientId, userId, scope, nowMs: now, ttlSeconds }),
    );
  };

  if (grantType === "authorization_code") {
    const code = param("code");
    if (!code) return missing("code");
    const redirectUri = param("redirect_uri");
    if (!redirectUri) return missing("redirect_uri");
    const grant = state.oauth.findCode(code);
    if (!grant || grant.used || grant.clientId !== client.clientId || grant.expiresAtMs <= now)
      return invalidGrant();
    if (grant.redirectUri !== redirectUri) return invalidGrant();
    // PKCE: a stolen code is useless without the verifier only the app that started the flow holds.
    if (grant.codeChallenge && !pkceMatches(grant.codeChallenge, param("code_verifier")))
      return invalidGrant();
    grant.used = true;
    return issue(grant.userId, grant.scope);
  }

  if (grantType === "refresh_token") {
    const refreshToken = param("refresh_token");
    if (!refreshToken) return missing("refresh_token");
    const previous = state.oauth.findByRefreshToken(refreshToken);
    if (!previous || previous.revoked || previous.clientId !== client.clientId) return invalidGrant();
    // Doorkeeper revokes the whole previous record: the old refresh token and its access token.
    previous.revoked = true;
    return issue(previous.userId, previous.scope);
  }

  return oauthError(
    400,
    "unsupported_grant_type",
    "The authorization grant type is not supported by the authorization server.",
  );
};

/** POST /oauth/revoke (RFC 7009): always 200 `{}` for unknown tokens; 403 for another client's token. */
export const revokeToken: Handler = (req, { state }) => {
  const param = params(req);
  const client = authenticateClient(req, param, state);
  if (!client) return invalidClient();
  const token = param("token") ?? "";
  const record = state.oauth.findByAccessToken(token) ?? state.oauth.findByRefreshToken(token);
  if (record && record.clientId !== client.clientId) {
    return json(403, {
      error: "unauthorized_client",
      error_description: "You are not authorized to revoke this token",
    });
  }
  if (record && !record.revoked) {
    record.revoked = true;
    state.stats.revocations += 1;
  }
  return json(200, {});
};
