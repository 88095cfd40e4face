import { isRecord, json, jsonBodyObject } from "../http-utils";
import type { RouteDef } from "../router";
import type { SimulatorState } from "../state";
import { createTimeline } from "../status-machine";

/**
 * Test hooks for the send list: sends made outside the API (a rep in Sendoso's web app, a Salesforce
 * trigger) or in bulk, and the list's undocumented shapes (`sent_via` of API sends, order).
 */
function seedOne(state: SimulatorState, input: Record<string, unknown>): string | null {
  const userId = typeof input.user_id === "number" ? input.user_id : state.options.staticTokenUserId;
  const sender = state.options.users.find((u) => u.id === userId);
  const touch = state.options.touches.find((t) => t.touch.id === input.touch_id);
  const email = typeof input.recipient_email === "string" ? input.recipient_email : null;
  const createdAtMs =
    typeof input.created_at === "string" ? Date.parse(input.created_at) : state.clock.nowMs();
  if (!sender || !touch || !email || !Number.isFinite(createdAtMs)) return null;
  const kind = touch.touch.delivery_type === "email" ? "egift" : "address_collection";
  const name = typeof input.recipient_name === "string" ? input.recipient_name : null;
  const viaFrom = typeof input.via_from === "string" ? input.via_from : "Seed";
  const timeline = createTimeline({
    kind: kind === "egift" ? "egift" : "physical",
    startMs: createdAtMs,
    stepMs: state.options.statusStepSeconds * 1000,
    auto: false,
    stopAtProcessing: false,
  });
  if (typeof input.status === "string") timeline.updates.push({ status: input.status, atMs: createdAtMs });
  const record = state.sends.create({
    kind,
    touch,
    recipient: { name, email, company_name: null },
    sender,
    clientId: "seed",
    createdAtMs,
    viaFrom,
    // `"api"` (or absent) seeds an API send, whose sent_via follows the apiSentVia switch.
    ...(input.sent_via === "api" || input.sent_via === undefined
      ? {}
      : { sentVia: typeof input.sent_via === "string" ? input.sent_via : null }),
    input: {
      kind,
      touchId: touch.touch.id,
      name,
      email,
      customMessage: null,
      viaFrom,
      address: null,
      confirmation: null,
      missingMobile: false,
    },
    timeline,
  });
  return record.sendGid;
}

export const controlSeedRoutes: RouteDef[] = [
  {
    method: "POST",
    pattern: "/__sandbox/sends/seed",
    handler: (req, { state }) => {
      const body = jsonBodyObject(req.rawBody);
      const list = Array.isArray(body.sends) ? body.sends : [];
      const gids: string[] = [];
      for (const input of list) {
        const gid = isRecord(input) ? seedOne(state, input) : null;
        if (!gid) {
          const error = `send ${gids.length} needs touch_id, recipient_email, a known user_id`;
          return json(400, { ok: false, error });
        }
        gids.push(gid);
      }
      return json(201, { ok: true, created: gids.length, send_gids: gids });
    },
  },
  {
    method: "POST",
    pattern: "/__sandbox/list-shape",
    handler: (req, { state }) => {
      const body = jsonBodyObject(req.rawBody);
      if (typeof body.api_sent_via === "string") state.options.apiSentVia = body.api_sent_via;
      if (typeof body.include_tracking_code === "boolean") {
        state.options.includeTrackingCodeInList = body.include_tracking_code;
      }
      if (body.out_of_order_page === null || typeof body.out_of_order_page === "number") {
        state.options.listOutOfOrderPage = body.out_of_order_page;
      }
      const { apiSentVia, includeTrackingCodeInList, listOutOfOrderPage } = state.options;
      return json(200, {
        api_sent_via: apiSentVia,
        include_tracking_code: includeTrackingCodeInList,
        out_of_order_page: listOutOfOrderPage,
      });
    },
  },
];
