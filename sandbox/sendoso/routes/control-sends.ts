import { isRecord, json, jsonBodyObject, jsonBodyValue, type SimResponse } from "../http-utils";
import { CODE_TTL_SECONDS } from "../oauth-store";
import { DEFAULT_SCOPE } from "../options";
import type { Handler, RouteDef } from "../router";
import { type SendRecord, toSendItem } from "../send-store";
import type { SimulatorState } from "../state";
import { advance, confirmAddress, forceStatus, type TransitionResult } from "../status-machine";

const notFound = (message: string) => json(404, { ok: false, error: message });

function controlView(send: SendRecord, state: SimulatorState) {
  return {
    ...toSendItem(send, state.options.groups, true),
    kind: send.kind,
    client_id: send.clientId,
    scheduled: send.timeline.pending.map((p) => ({ status: p.status, at: new Date(p.atMs).toISOString() })),
    request: send.input,
  };
}

function transition(run: (send: SendRecord, nowMs: number, body: unknown) => TransitionResult): Handler {
  return (req, { state }) => {
    const now = state.clock.nowMs();
    const send = state.sends.findByTrackingCode(req.params.code ?? "", now);
    if (!send) return notFound("No send with that tracking code");
    const result = run(send, now, jsonBodyValue(req.rawBody));
    if (!result.ok) return json(409, { ok: false, error: result.message });
    return json(200, { ok: true, send: controlView(send, state) });
  };
}

function userOf(state: SimulatorState, input: Record<string, unknown>) {
  const userId = typeof input.user_id === "number" ? input.user_id : state.options.staticTokenUserId;
  return state.options.users.find((u) => u.id === userId);
}

function clientOf(state: SimulatorState, input: Record<string, unknown>) {
  const id = typeof input.client_id === "string" ? input.client_id : state.options.clients[0]?.clientId;
  return state.oauth.findClient(id);
}

function withInput(run: (input: Record<string, unknown>, state: SimulatorState) => SimResponse): Handler {
  return (req, { state }) => run(jsonBodyObject(req.rawBody), state);
}

/** Test hooks for sends and OAuth that skip the browser. */
export const controlSendRoutes: RouteDef[] = [
  {
    method: "GET",
    pattern: "/__sandbox/sends",
    handler: (_req, { state }) =>
      json(200, { sends: state.sends.list(state.clock.nowMs()).map((s) => controlView(s, state)) }),
  },
  {
    method: "POST",
    pattern: "/__sandbox/sends/:code/confirm-address",
    handler: transition((send, now) => confirmAddress(send.timeline, now)),
  },
  {
    method: "POST",
    pattern: "/__sandbox/sends/:code/advance",
    handler: transition((s, now) => advance(s.timeline, now)),
  },
  {
    method: "POST",
    pattern: "/__sandbox/sends/:code/status",
    handler: transition((send, now, body) =>
      isRecord(body) && typeof body.status === "string" && body.status.trim() !== ""
        ? forceStatus(send.timeline, body.status, now)
        : { ok: false, message: 'send {"status": "<Sendoso status>"}' },
    ),
  },
  {
    method: "POST",
    pattern: "/__sandbox/tokens",
    handler: withInput((input, state) => {
      const user = userOf(state, input);
      const client = clientOf(state, input);
      if (!user || !client) return notFound("Unknown user_id or client_id");
      const record = state.oauth.issueToken({
        clientId: client.clientId,
        userId: user.id,
        scope: typeof input.scope === "string" ? input.scope : DEFAULT_SCOPE,
        nowMs: state.clock.nowMs(),
        ttlSeconds: state.options.accessTokenTtlSeconds,
      });
      return json(200, {
        access_token: record.accessToken,
        token_type: "Bearer",
        expires_in: record.expiresInSeconds,
        refresh_token: record.refreshToken,
        scope: record.scope,
        created_at: Math.floor(record.createdAtMs / 1000),
      });
    }),
  },
  {
    method: "POST",
    pattern: "/__sandbox/oauth/codes",
    handler: withInput((input, state) => {
      const user = userOf(state, input);
      const client = clientOf(state, input);
      if (!user || !client) return notFound("Unknown user_id or client_id");
      const redirectUri =
        typeof input.redirect_uri === "string" ? input.redirect_uri : client.redirectUris[0];
      if (!redirectUri) return notFound("Client has no redirect URI");
      const code = state.oauth.issueCode({
        clientId: client.clientId,
        redirectUri,
        userId: user.id,
        scope: typeof input.scope === "string" ? input.scope : DEFAULT_SCOPE,
        expiresAtMs: state.clock.nowMs() + CODE_TTL_SECONDS * 1000,
        // The PKCE challenge of the flow this code stands in for (the token exchange then needs its verifier).
        codeChallenge: typeof input.code_challenge === "string" ? input.code_challenge : null,
      });
      return json(200, { code: code.code, redirect_uri: redirectUri, user_id: user.id });
    }),
  },
];
