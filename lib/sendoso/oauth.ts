import { z } from "zod";
import { limitedExchange, type SlotSource } from "./limited-exchange";
import { backoffMs, retryAfterMs, sleep } from "./retry";
import { parseJson } from "./schemas";
import type { Exchange } from "./transport";

/**
 * Sendoso's OAuth 2.0 authorization-code flow (shared/sendoso-api.md §1.2; Doorkeeper): the authorize
 * URL, the token endpoint (code exchange and refresh, client authenticated with HTTP Basic) and
 * revocation. Tokens never appear in errors or logs.
 */
export const SENDOSO_SCOPE = "public write update";
/** Doorkeeper's default lifetime, used if a token answer leaves `expires_in` out. */
const DEFAULT_EXPIRES_IN_S = 7200;

export type OAuthConfig = {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** `${AUTH_URL}/api/sendoso/oauth/callback`, registered with Sendoso. */
  redirectUri: string;
  timeoutMs: number;
  limiter?: SlotSource;
};

export type TokenSet = { accessToken: string; refreshToken: string | null; expiresAt: Date; scope: string };

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().regex(/^bearer$/i),
  expires_in: z.number().positive().nullish(),
  refresh_token: z.string().min(1).nullish(),
  scope: z.string().nullish(),
  created_at: z.number().nullish(),
});
const oauthErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

export type OAuthErrorKind =
  /** The code or refresh token is dead (used, revoked, expired): the user must connect again. */
  | "invalid_grant"
  /** Our client id/secret were refused: a configuration problem, not the user's. */
  | "invalid_client"
  /** Any other refusal (invalid_request, unauthorized_client, …). */
  | "rejected"
  /** Sendoso could not be reached, failed (5xx) or answered something unreadable; worth trying later. */
  | "unavailable";

export class SendosoOAuthError extends Error {
  constructor(
    readonly kind: OAuthErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "SendosoOAuthError";
  }
}

/** `codeChallenge`: PKCE S256 (issue 16), so an intercepted code is useless without our verifier. */
export function buildAuthorizeUrl(config: OAuthConfig, state: string, codeChallenge: string): string {
  const url = new URL("/oauth/authorize", config.baseUrl);
  url.search = new URLSearchParams({
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    response_type: "code",
    scope: SENDOSO_SCOPE,
    state,
    code_challenge: codeChallenge,
    code_challenge_method: "S256",
  }).toString();
  return url.toString();
}

function basicAuth(config: OAuthConfig): string {
  // RFC 6749 §2.3.1: both parts form-encoded before base64.
  const pair = `${encodeURIComponent(config.clientId)}:${encodeURIComponent(config.clientSecret)}`;
  return `Basic ${Buffer.from(pair).toString("base64")}`;
}

/**
 * POSTs a form to an OAuth endpoint. Only what provably never left, and 429, are tried again:
 * a refresh whose answer was lost may already have rotated the refresh token.
 */
async function postForm(
  config: OAuthConfig,
  path: string,
  form: Record<string, string>,
  idempotent: boolean,
) {
  for (let tries = 1; ; tries++) {
    const result: Exchange = await limitedExchange(config.limiter, {
      url: new URL(path, config.baseUrl).toString(),
      method: "POST",
      headers: {
        Authorization: basicAuth(config),
        "Content-Type": "application/x-www-form-urlencoded",
        Accept: "application/json",
      },
      body: new URLSearchParams(form).toString(),
      timeoutMs: config.timeoutMs,
    });
    const retryable =
      result.kind === "not_sent" ||
      (result.kind === "response" && result.status === 429) ||
      (idempotent && (result.kind === "lost" || (result.kind === "response" && result.status >= 500)));
    if (!retryable || tries >= 3) return result;
    await sleep(
      result.kind === "response" && result.status === 429
        ? retryAfterMs(result.headers)
        : backoffMs(tries - 1),
    );
  }
}

function failure(result: Exchange, what: string): SendosoOAuthError {
  if (result.kind !== "response")
    return new SendosoOAuthError("unavailable", `${what}: Sendoso could not be reached (${result.detail})`);
  if (result.status >= 500 || result.status === 429)
    return new SendosoOAuthError(
      "unavailable",
      `${what}: Sendoso answered HTTP ${result.status}`,
      result.status,
    );
  const parsed = oauthErrorSchema.safeParse(parseJson(result.text));
  const code = parsed.success ? parsed.data.error : `HTTP ${result.status}`;
  const kind: OAuthErrorKind =
    code === "invalid_grant" ? "invalid_grant" : code === "invalid_client" ? "invalid_client" : "rejected";
  return new SendosoOAuthError(kind, `${what}: Sendoso refused it (${code})`, result.status);
}

async function requestTokens(
  config: OAuthConfig,
  form: Record<string, string>,
  what: string,
): Promise<TokenSet> {
  const startedAt = Date.now();
  const result = await postForm(config, "/oauth/token", form, false);
  if (result.kind !== "response" || result.status < 200 || result.status >= 300) throw failure(result, what);
  const parsed = tokenResponseSchema.safeParse(parseJson(result.text));
  if (!parsed.success)
    throw new SendosoOAuthError("unavailable", `${what}: Sendoso sent a token answer we could not read`);
  const data = parsed.data;
  return {
    accessToken: data.access_token,
    refreshToken: data.refresh_token ?? null,
    // Our clock from before the request, not Sendoso's created_at: skew between the two cannot make
    // us use a token past its end.
    expiresAt: new Date(startedAt + (data.expires_in ?? DEFAULT_EXPIRES_IN_S) * 1000),
    scope: data.scope ?? SENDOSO_SCOPE,
  };
}

/** Trades the authorization code from the callback, with the flow's PKCE verifier, for tokens. */
export function exchangeCode(config: OAuthConfig, code: string, codeVerifier: string): Promise<TokenSet> {
  return requestTokens(
    config,
    { grant_type: "authorization_code", code, redirect_uri: config.redirectUri, code_verifier: codeVerifier },
    "Connecting Sendoso",
  );
}

/** Rotates tokens: the answer carries a new refresh token and the old one stops working. */
export function refreshAccessToken(config: OAuthConfig, refreshToken: string): Promise<TokenSet> {
  return requestTokens(
    config,
    { grant_type: "refresh_token", refresh_token: refreshToken },
    "Refreshing the Sendoso token",
  );
}

/**
 * Revokes a token (RFC 7009; Doorkeeper revokes the access and refresh token of that grant together).
 * The token goes in the form body, which Sendoso reads like the documented `token` parameter, so it
 * never lands in a URL or an access log.
 */
export async function revokeToken(
  config: OAuthConfig,
  token: string,
  hint?: "access_token" | "refresh_token",
): Promise<void> {
  const form: Record<string, string> = hint ? { token, token_type_hint: hint } : { token };
  const result = await postForm(config, "/oauth/revoke", form, true);
  if (result.kind !== "response" || result.status < 200 || result.status >= 300)
    throw failure(result, "Revoking the Sendoso token");
}
