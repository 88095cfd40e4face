import { E2E } from "./ports";

type LoggedRequest = { method: string; path: string; json: { send?: Record<string, unknown> } | null };

async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(`${E2E.sendosoUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`simulator ${method} ${path}: ${response.status}`);
  return response.status === 204 ? null : response.json();
}

/** The Sendoso simulator as the tests see it: what it received, and faults to inject. */
export const sendoso = {
  async sendPostsFor(email: string): Promise<LoggedRequest[]> {
    const { requests } = (await control("GET", "/__sandbox/requests?method=POST&path=/api/v3/send")) as {
      requests: LoggedRequest[];
    };
    return requests.filter((r) => r.json?.send?.email === email);
  },
  injectSendFault: (fault: Record<string, unknown>, times = 1) =>
    control("POST", "/__sandbox/faults", { match: { method: "POST", path: "/api/v3/send" }, fault, times }),
  /** Any read, e.g. `{ method: "GET", path: "/api/v3/touches" }` (GETs are retried: use a few times). */
  injectFault: (match: { method: string; path: string }, fault: Record<string, unknown>, times = 1) =>
    control("POST", "/__sandbox/faults", { match, fault, times }),
  clearFaults: () => control("DELETE", "/__sandbox/faults"),
};

/** A recipient email no other test uses, so the simulator's log can be read per test. */
export const uniqueEmail = (label: string) =>
  `${label}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.com`;
