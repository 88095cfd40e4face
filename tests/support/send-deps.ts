import type { Db } from "@/lib/db/client";
import { createSendosoClient, type SendosoClient } from "@/lib/sendoso/client";
import type { SlotSource } from "@/lib/sendoso/limited-exchange";
import type { SendDeps } from "@/lib/sends/send-service";

/** A Sendoso client on the test simulator with a fixed sandbox token (the simulator accepts any). */
export const sandboxClient = (
  sim: { baseUrl: string },
  options: { token?: string; timeoutMs?: number; limiter?: SlotSource } = {},
): SendosoClient =>
  createSendosoClient({
    baseUrl: sim.baseUrl,
    getAccessToken: async () => options.token ?? "sandbox-token",
    timeoutMs: options.timeoutMs ?? 1_500,
    limiter: options.limiter,
  });

/** What submitSend needs, with the app's settings unless a test overrides them. */
export const sendDeps = (db: Db, sendoso: SendosoClient, overrides: Partial<SendDeps> = {}): SendDeps => ({
  db,
  sendoso,
  viaFrom: "Gift Desk",
  repeatWindowDays: 30,
  settleWaitMs: 5_000,
  ...overrides,
});
