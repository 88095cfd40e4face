import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate } from "./auth";
import { AFTER_FAULTS, afterFaultResponse, beforeFaultResponse } from "./faults";
import { BodyTooLargeError, json, readBody, type SimRequest, type SimResponse } from "./http-utils";
import type { LoggedRequest } from "./request-log";
import { matchRoute, normalisePath, type RouteContext } from "./router";
import { controlRoutes } from "./routes/control";
import { appRoutes } from "./routes/index";
import type { SimulatorState } from "./state";

/** Unref'd so a long `delay` fault never keeps a closed simulator's process alive. */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/** Runs the matched route: bearer auth, per-client throttle and scope checks for /api/v3. */
async function route(req: SimRequest, state: SimulatorState): Promise<SimResponse> {
  const isControl = req.path.startsWith("/__sandbox/");
  const match = matchRoute(isControl ? controlRoutes : appRoutes, req.method, normalisePath(req.path));
  if (!match) return json(404, { success: false, message: "Not Found" });
  const ctx: RouteContext = { state, auth: null };
  if (match.route.auth) {
    const result = authenticate(req, state);
    if (!result.ok) return result.response;
    ctx.auth = result.auth;
    if (state.rateLimiter && !state.rateLimiter.allow(result.auth.clientId)) {
      state.stats.rate_limited += 1;
      const retryAfter = state.options.rateLimit ? state.options.rateLimit.retryAfterSeconds : undefined;
      const headers: Record<string, string> =
        retryAfter === undefined ? {} : { "retry-after": String(retryAfter) };
      return json(429, { success: false, message: "Too Many Requests" }, headers);
    }
    if (match.route.write && state.options.requireWriteScope && !result.auth.scopes.has("write")) {
      return json(403, {
        success: false,
        message: "The request requires higher privileges than provided by the access token.",
      });
    }
  }
  return match.route.handler({ ...req, params: match.params }, ctx);
}

function write(res: ServerResponse, response: SimResponse, entry: LoggedRequest | null): void {
  if (entry) {
    entry.status = response.status;
    entry.response_body = response.body;
  }
  if (res.destroyed) return;
  res.writeHead(response.status, { "x-request-id": randomUUID(), ...response.headers });
  res.end(response.body);
}

/** The node:http request listener: log, apply any injected fault, route, respond. */
export function createDispatcher(state: SimulatorState) {
  return async (incoming: IncomingMessage, res: ServerResponse): Promise<void> => {
    await handle(incoming, res);
    // A request may have created a send, moved the clock or forced a status: announce it at once.
    state.webhooks.pump();
  };

  async function handle(incoming: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(incoming.url ?? "/", "http://sandbox.local");
    const method = (incoming.method ?? "GET").toUpperCase();
    let rawBody: string;
    try {
      rawBody = await readBody(incoming);
    } catch (error) {
      const tooLarge = error instanceof BodyTooLargeError;
      write(
        res,
        json(tooLarge ? 413 : 400, {
          success: false,
          message: tooLarge ? "Payload Too Large" : "Bad Request",
        }),
        null,
      );
      return;
    }
    const req: SimRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: incoming.headers,
      rawBody,
      params: {},
    };
    const isControl = url.pathname === "/__sandbox" || url.pathname.startsWith("/__sandbox/");
    const entry = isControl
      ? null
      : state.log.record({ ...req, body: rawBody, receivedAt: state.clock.nowIso() });
    const fault = isControl ? null : state.faults.take(method, url.pathname);
    if (entry && fault) entry.fault = fault.type;

    try {
      if (fault?.type === "hang") return; // never answer; close() or the client ends the socket
      if (fault?.type === "delay") await sleep(fault.ms ?? 1000);
      const early = fault ? beforeFaultResponse(fault) : null;
      if (early) return write(res, early, entry);
      const response = await route(req, state);
      if (fault && AFTER_FAULTS.has(fault.type)) {
        if (fault.type === "close_after") {
          incoming.socket.destroy();
          return;
        }
        const replaced = afterFaultResponse(fault);
        if (replaced) return write(res, replaced, entry);
      }
      write(res, response, entry);
    } catch (error) {
      console.error("[sendoso-sim] handler error", error);
      write(res, json(500, { success: false, message: "Internal Server Error" }), entry);
    }
  }
}
