import { renderAuthorizeError, renderAuthorizePage } from "../authorize-page";
import { bodyParams, html, redirect, type SimRequest, type SimResponse } from "../http-utils";
import { CODE_TTL_SECONDS } from "../oauth-store";
import { DEFAULT_SCOPE } from "../options";
import type { Handler } from "../router";
import type { SimulatorState } from "../state";

export const KNOWN_SCOPES = new Set(["public", "write", "update", "marketplace", "smartsend", "anonymize"]);
const INVALID_CLIENT =
  "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.";
const INVALID_REDIRECT = "The requested redirect uri is malformed or doesn't match client redirect URI.";

type Checked =
  | {
      ok: true;
      clientId: string;
      appName: string;
      redirectUri: string;
      scope: string;
      state: string | null;
      codeChallenge: string;
    }
  | { ok: false; response: SimResponse };

/** Validates client and redirect first: problems there render an HTML 400 and never redirect. */
function check(params: (name: string) => string | null, state: SimulatorState): Checked {
  const client = state.oauth.findClient(params("client_id") ?? undefined);
  if (!client) return { ok: false, response: html(400, renderAuthorizeError(INVALID_CLIENT)) };
  const redirectUri = params("redirect_uri") ?? "";
  if (!client.redirectUris.includes(redirectUri)) {
    return { ok: false, response: html(400, renderAuthorizeError(INVALID_REDIRECT)) };
  }
  const stateParam = params("state");
  const fail = (error: string, description: string): Checked => ({
    ok: false,
    response: redirectWith(redirectUri, { error, error_description: description, state: stateParam }),
  });
  if (params("response_type") !== "code") {
    return fail("unsupported_response_type", "The authorization server does not support this response type.");
  }
  const scope = (params("scope") ?? "").trim() || DEFAULT_SCOPE;
  if (!scope.split(/\s+/).every((s) => KNOWN_SCOPES.has(s))) {
    return fail("invalid_scope", "The requested scope is invalid, unknown, or malformed.");
  }
  // PKCE is required, S256 only (Gift Desk always sends it; a plain challenge would protect nothing).
  const codeChallenge = params("code_challenge");
  if (!codeChallenge || !/^[A-Za-z0-9_-]{43}$/.test(codeChallenge)) {
    return fail("invalid_request", "Code challenge is required.");
  }
  if (params("code_challenge_method") !== "S256") {
    return fail("invalid_request", "The code challenge method must be S256.");
  }
  return {
    ok: true,
    codeChallenge,
    clientId: client.clientId,
    appName: client.name ?? client.clientId,
    redirectUri,
    scope,
    state: stateParam,
  };
}

function redirectWith(uri: string, params: Record<string, string | null>): SimResponse {
  const url = new URL(uri);
  for (const [key, value] of Object.entries(params)) if (value !== null) url.searchParams.set(key, value);
  return redirect(url.toString());
}

/** GET /oauth/authorize: the approve page (contract §1.2). */
export const showAuthorize: Handler = (req, { state }) => {
  const checked = check((name) => req.query.get(name), state);
  if (!checked.ok) return checked.response;
  return html(200, renderAuthorizePage(checked.appName, checked, state.options.users));
};

/** POST /oauth/authorize: the approve/deny decision; redirects with `code` and `state`. */
export const decideAuthorize: Handler = (req: SimRequest, { state }) => {
  const form = bodyParams(req);
  const checked = check((name) => form.get(name) ?? req.query.get(name), state);
  if (!checked.ok) return checked.response;
  if (form.get("decision") === "deny") {
    return redirectWith(checked.redirectUri, {
      error: "access_denied",
      error_description: "The resource owner or authorization server denied the request.",
      state: checked.state,
    });
  }
  const user = state.options.users.find((u) => u.active && String(u.id) === form.get("user_id"));
  if (!user) return html(400, renderAuthorizeError("Choose a Sendoso user to continue."));
  const code = state.oauth.issueCode({
    clientId: checked.clientId,
    redirectUri: checked.redirectUri,
    userId: user.id,
    scope: checked.scope,
    expiresAtMs: state.clock.nowMs() + CODE_TTL_SECONDS * 1000,
    codeChallenge: checked.codeChallenge,
  });
  state.stats.authorizations += 1;
  return redirectWith(checked.redirectUri, { code: code.code, state: checked.state });
};
