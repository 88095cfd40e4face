import { createSendosoSimulator, type SendosoSimulatorOptions } from "@/sandbox/sendoso/simulator";

/** A Sendoso simulator on a free port, driven over HTTP like the real thing. */
export async function startSimulator(options: SendosoSimulatorOptions = {}) {
  const sim = createSendosoSimulator({ rateLimit: false, ...options });
  const baseUrl = await sim.listen(0);
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
    close: () => sim.close(),
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
  };
}
export type TestSimulator = Awaited<ReturnType<typeof startSimulator>>;
