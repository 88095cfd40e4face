import { parseFaultRequest } from "../faults";
import { isRecord, json, jsonBodyValue } from "../http-utils";
import type { RouteDef } from "../router";
import { resetState } from "../state";
import { controlSeedRoutes } from "./control-seed";
import { controlSendRoutes } from "./control-sends";
import { controlWebhookRoutes } from "./control-webhooks";

const badRequest = (message: string) => json(400, { ok: false, error: message });

/** Simulator-only endpoints: no auth, never recorded in the request log. */
export const controlRoutes: RouteDef[] = [
  { method: "GET", pattern: "/__sandbox/health", handler: () => json(200, { ok: true }) },
  {
    method: "GET",
    pattern: "/__sandbox/requests",
    handler: (req, { state }) =>
      json(200, {
        requests: state.log.list({ method: req.query.get("method"), path: req.query.get("path") }),
      }),
  },
  {
    method: "DELETE",
    pattern: "/__sandbox/requests",
    handler: (_req, { state }) => {
      state.log.clear();
      return json(200, { ok: true });
    },
  },
  {
    method: "GET",
    pattern: "/__sandbox/faults",
    handler: (_req, { state }) => json(200, { faults: state.faults.list() }),
  },
  {
    method: "POST",
    pattern: "/__sandbox/faults",
    handler: (req, { state }) => {
      const parsed = parseFaultRequest(jsonBodyValue(req.rawBody));
      if (!parsed.ok) return badRequest(parsed.message);
      return json(201, { ok: true, fault: state.faults.add(parsed.match, parsed.fault, parsed.times) });
    },
  },
  {
    method: "DELETE",
    pattern: "/__sandbox/faults",
    handler: (_req, { state }) => {
      state.faults.clear();
      return json(200, { ok: true });
    },
  },
  {
    method: "GET",
    pattern: "/__sandbox/clock",
    handler: (_req, { state }) => json(200, { now: state.clock.nowIso(), frozen: state.clock.frozen }),
  },
  {
    method: "POST",
    pattern: "/__sandbox/clock",
    handler: (req, { state }) => {
      const input = jsonBodyValue(req.rawBody);
      if (!isRecord(input)) return badRequest('send {"advance_seconds": N} or {"set": "ISO-8601"}');
      if (typeof input.advance_seconds === "number" && Number.isFinite(input.advance_seconds)) {
        state.clock.advance(input.advance_seconds);
      } else if (typeof input.set === "string" && !Number.isNaN(Date.parse(input.set))) {
        state.clock.set(input.set);
      } else {
        return badRequest('send {"advance_seconds": N} or {"set": "ISO-8601"}');
      }
      return json(200, { now: state.clock.nowIso(), frozen: state.clock.frozen });
    },
  },
  { method: "GET", pattern: "/__sandbox/stats", handler: (_req, { state }) => json(200, state.stats) },
  {
    method: "POST",
    pattern: "/__sandbox/reset",
    handler: (_req, { state }) => {
      resetState(state);
      return json(200, { ok: true });
    },
  },
  ...controlSendRoutes,
  ...controlSeedRoutes,
  ...controlWebhookRoutes,
];
