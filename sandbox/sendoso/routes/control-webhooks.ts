import { json, jsonBodyObject } from "../http-utils";
import type { Handler, RouteDef } from "../router";
import { SIGNING_VARIANTS, type SigningVariant } from "../webhook-delivery";
import { eventTypeFor, isWebhookSecret, SANDBOX_WEBHOOK_SECRET } from "../webhook-signing";
import type { WebhookDispatcher, WebhookMessage } from "../webhooks";

const badRequest = (message: string) => json(400, { ok: false, error: message });

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== "string") return false;
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** What tests assert on; secrets are never echoed. */
function messageView(message: WebhookMessage) {
  return {
    id: message.id,
    kind: message.kind,
    send_gid: message.sendGid,
    status: message.status,
    event_type: eventTypeFor(message.status),
    status_changed_at: message.statusChangedAt,
    body: message.body,
    deliveries: message.deliveries.map((d) => ({
      url: d.endpoint.url,
      state: d.state,
      next_attempt_at: d.nextAttemptAtMs === null ? null : new Date(d.nextAttemptAtMs).toISOString(),
      attempts: d.attempts.map((a) => ({
        at: a.at,
        trigger: a.trigger,
        variant: a.variant,
        svix_timestamp: a.timestampSeconds,
        status: a.status,
        response: a.response,
        error: a.error,
        duration_ms: a.durationMs,
      })),
    })),
  };
}

function overview(webhooks: WebhookDispatcher) {
  return {
    endpoints: webhooks.endpoints.map((e) => ({ url: e.url })),
    include_event_type: webhooks.includeEventType,
    messages: webhooks.messages.map(messageView),
  };
}

const configure: Handler = (req, { state }) => {
  const body = jsonBodyObject(req.rawBody);
  const urls = Array.isArray(body.urls) ? body.urls : body.url === undefined ? [] : [body.url];
  if (urls.length === 0 || !urls.every(isHttpUrl))
    return badRequest('send {"url": "http(s)://…", "secret"?: "whsec_…"}');
  const secret = body.secret ?? SANDBOX_WEBHOOK_SECRET;
  if (typeof secret !== "string" || !isWebhookSecret(secret))
    return badRequest("secret must be whsec_ followed by base64");
  if (body.include_event_type !== undefined)
    state.webhooks.includeEventType = body.include_event_type === true;
  state.webhooks.setEndpoints(urls.map((url) => ({ url, secret })));
  return json(200, overview(state.webhooks));
};

const deliverTest: Handler = async (req, { state }) => {
  const body = jsonBodyObject(req.rawBody);
  const variant = (body.signature ?? "valid") as SigningVariant;
  if (!SIGNING_VARIANTS.includes(variant))
    return badRequest(`signature must be one of ${SIGNING_VARIANTS.join(", ")}`);
  if (state.webhooks.endpoints.length === 0)
    return json(409, { ok: false, error: "No webhook endpoint configured" });
  const status = typeof body.status === "string" ? body.status : "Delivered";
  const message = await state.webhooks.deliverTest({
    sendGid: typeof body.send_gid === "string" ? body.send_gid : "Z2lkOi8vc2VuZG9zby9TZW5kLzk5OTk5",
    status,
    statusChangedAt:
      typeof body.status_changed_at === "string" ? body.status_changed_at : state.clock.nowIso(),
    variant,
  });
  return json(200, messageView(message));
};

/** Simulator-only control of webhook delivery: endpoints, the delivery log, replays and broken messages. */
export const controlWebhookRoutes: RouteDef[] = [
  {
    method: "GET",
    pattern: "/__sandbox/webhooks",
    handler: (_req, { state }) => json(200, overview(state.webhooks)),
  },
  { method: "POST", pattern: "/__sandbox/webhooks", handler: configure },
  {
    method: "DELETE",
    pattern: "/__sandbox/webhooks",
    handler: (_req, { state }) => {
      state.webhooks.setEndpoints([]);
      return json(200, overview(state.webhooks));
    },
  },
  {
    method: "POST",
    pattern: "/__sandbox/webhooks/flush",
    handler: async (_req, { state }) => {
      await state.webhooks.settle();
      return json(200, overview(state.webhooks));
    },
  },
  { method: "POST", pattern: "/__sandbox/webhooks/test", handler: deliverTest },
  {
    method: "POST",
    pattern: "/__sandbox/webhooks/messages/:id/replay",
    handler: async (req, { state }) => {
      const message = await state.webhooks.replay(
        req.params.id ?? "",
        jsonBodyObject(req.rawBody).same_timestamp === true,
      );
      return message ? json(200, messageView(message)) : json(404, { ok: false, error: "No such message" });
    },
  },
];
