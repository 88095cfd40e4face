import type { SendosoUser } from "./fixtures/users";
import { json, type SimRequest, type SimResponse } from "./http-utils";
import type { TokenRecord } from "./oauth-store";
import type { SimulatorState } from "./state";

export interface AuthInfo {
  token: TokenRecord;
  user: SendosoUser;
  /** OAuth client the token was issued to (static tokens share one pseudo-client). */
  clientId: string;
  scopes: ReadonlySet<string>;
}

export type AuthResult = { ok: true; auth: AuthInfo } | { ok: false; response: SimResponse };

export const INVALID_TOKEN = "The access token is invalid";
export const EXPIRED_TOKEN = "The access token expired";
export const REVOKED_TOKEN = "The access token was revoked";

/** Doorkeeper-style bearer check for /api/v3/* (contract §1.2, §2.5, §9.2). */
export function authenticate(req: SimRequest, state: SimulatorState): AuthResult {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(String(req.headers.authorization ?? ""));
  const record = match?.[1] ? state.oauth.findByAccessToken(match[1]) : undefined;
  if (!record) return { ok: false, response: unauthorized(state, INVALID_TOKEN, false) };
  if (record.revoked) return { ok: false, response: unauthorized(state, REVOKED_TOKEN, false) };
  if (state.oauth.isExpired(record, state.clock.nowMs())) {
    return { ok: false, response: unauthorized(state, EXPIRED_TOKEN, true) };
  }
  const user = state.options.users.find((u) => u.id === record.userId);
  if (!user) return { ok: false, response: unauthorized(state, INVALID_TOKEN, false) };
  return {
    ok: true,
    auth: { token: record, user, clientId: record.clientId, scopes: new Set(record.scope.split(/\s+/)) },
  };
}

function unauthorized(state: SimulatorState, message: string, expired: boolean): SimResponse {
  const body =
    state.options.expiredBody === "description"
      ? { success: false, description: message, expired }
      : { success: false, message };
  return json(401, body, {
    "www-authenticate": `Bearer realm="Doorkeeper", error="invalid_token", error_description="${message}"`,
  });
}
