import type { LoggedRequest } from "@/sandbox/sendoso/request-log";
import { createSendosoSimulator, type SendosoSimulatorOptions } from "@/sandbox/sendoso/simulator";
import type { SimulatorStats } from "@/sandbox/sendoso/state";

/** One upstream send for `seedSends` (sandbox/sendoso/routes/control-seed.ts). */
export type SeededSend = {
  user_id?: number;
  touch_id: number;
  recipient_email: string;
  created_at?: string;
  sent_via?: string | null;
  status?: string;
};

/** A Sendoso simulator on a free port, driven over HTTP like the real thing. */
export async function startSimulator(options: SendosoSimulatorOptions = {}) {
  const sim = createSendosoSimulator({ rateLimit: false, ...options });
  // The server must never close an idle keep-alive socket before the client does: a test that pauses
  // (e.g. while PGlite opens) would otherwise reuse a socket the server just closed (ECONNRESET).
  sim.server.keepAliveTimeout = 120_000;
  return { ...simulatorAt(await sim.listen(0)), close: () => sim.close() };
}
export type TestSimulator = Awaited<ReturnType<typeof startSimulator>>;

/** The sandbox controls of a simulator already listening at `baseUrl` (this process's or another's). */
export function simulatorAt(baseUrl: string) {
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return response.status === 204 ? null : response.json();
  };
  return {
    baseUrl,
    /** Every POST /api/v3/send the simulator received, in order. */
    async sendPosts(): Promise<{ json?: { send?: Record<string, unknown> } }[]> {
      const body = (await control("GET", "/__sandbox/requests?method=POST&path=/api/v3/send")) as {
        requests: [];
      };
      return body.requests;
    },
    resetLog: () => control("DELETE", "/__sandbox/requests"),
    injectFault: (fault: Record<string, unknown>, times = 1) =>
      control("POST", "/__sandbox/faults", { match: { method: "POST", path: "/api/v3/send" }, fault, times }),
    /** A fault for any request matching `match` (method and/or exact path). */
    injectFaultOn: (match: { method?: string; path?: string }, fault: Record<string, unknown>, times = 1) =>
      control("POST", "/__sandbox/faults", { match, fault, times }),
    clearFaults: () => control("DELETE", "/__sandbox/faults"),
    /** The request log (all /api and /oauth requests), optionally filtered. */
    async requests(filter: { method?: string; path?: string } = {}): Promise<LoggedRequest[]> {
      const query = new URLSearchParams(filter as Record<string, string>).toString();
      const body = (await control("GET", `/__sandbox/requests?${query}`)) as { requests: LoggedRequest[] };
      return body.requests;
    },
    /** Counters, e.g. `tokens_issued.refresh_token`, `revocations`, `rate_limited`. */
    stats: () => control("GET", "/__sandbox/stats") as Promise<SimulatorStats>,
    /** Sends made outside the API (`sent_via` e.g. "Sendoso.com"; "api" for an API one) or in bulk. */
    seedSends: (sends: SeededSend[]) =>
      control("POST", "/__sandbox/sends/seed", { sends }) as Promise<{
        created: number;
        send_gids: string[];
      }>,
    /** The list's undocumented shapes: `sent_via` of API sends, tracking codes on items, a page out of order. */
    listShape: (shape: {
      api_sent_via?: string;
      include_tracking_code?: boolean;
      out_of_order_page?: number | null;
    }) => control("POST", "/__sandbox/list-shape", shape),
    /** Moves the simulator's clock (token expiry, touch windows) forward. */
    advanceClock: (seconds: number) => control("POST", "/__sandbox/clock", { advance_seconds: seconds }),
    /** An authorization code as the approve page would issue it (skips the browser). */
    issueCode: (input: { user_id: number; redirect_uri?: string; scope?: string; code_challenge?: string }) =>
      control("POST", "/__sandbox/oauth/codes", input) as Promise<{ code: string; redirect_uri: string }>,
    /** A token pair for a demo user, as a finished OAuth flow would return it. */
    issueTokens: (input: { user_id: number; scope?: string }) =>
      control("POST", "/__sandbox/tokens", input) as Promise<{ access_token: string; refresh_token: string }>,
  };
}
