import { upsertUserFromIdentity } from "@/lib/auth/users";
import type { Db } from "@/lib/db/client";
import { createRateLimiter } from "@/lib/rate-limit";
import { createSendosoClient } from "@/lib/sendoso/client";
import { requestBodyFor } from "@/lib/sends/request-for";
import { submitSend } from "@/lib/sends/send-service";
import { type SendGiftInput, sendGiftSchema } from "@/lib/validation/send";
import { callAction, type RunningApp } from "./app-server";
import type { CookieBrowser } from "./browser";
import type { Path } from "./measure";
import { timedCall } from "./steps";

/** A fresh form per send (key and recipient): a repeat recipient would rightly stop for confirmation. */
export type FormFor = (tag: string, i: number) => SendGiftInput;

/** The baseline: the body Gift Desk would send, POSTed straight to the simulator with the same fetch. */
export function rawPath(simUrl: string, form: FormFor): Path {
  return {
    label: "raw POST /api/v3/send to the simulator",
    async send(i) {
      const body = JSON.stringify(requestBodyFor(sendGiftSchema.parse(form("raw", i)), "Gift Desk"));
      const started = performance.now();
      const response = await fetch(`${simUrl}/api/v3/send`, {
        method: "POST",
        headers: {
          Authorization: "Bearer sandbox-token",
          "Content-Type": "application/json",
          Accept: "application/json",
        },
        body,
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`raw POST: ${response.status} ${text}`);
      return performance.now() - started;
    },
  };
}

/** The whole app: a signed-in rep's browser calling the sendGift server action on `next start`. */
export function httpPath(app: RunningApp, browser: CookieBrowser, form: FormFor): Path {
  return {
    label: "server action over HTTP (next start, signed in)",
    async send(i) {
      const args = [form("http", i)];
      const started = performance.now();
      const { response } = await callAction(browser, app, "/send", "sendGift", args);
      const text = await response.text();
      if (!text.includes('"status":"sent"'))
        throw new Error(`sendGift: ${response.status} ${text.slice(0, 500)}`);
      return performance.now() - started;
    },
  };
}

/**
 * The domain path in this process, as the action runs it after the session and permission checks:
 * parse, then submitSend with the shared database limiter and the Sendoso client.
 */
export async function inProcessPath(db: Db, simUrl: string, form: FormFor) {
  const rep = await upsertUserFromIdentity(db, {
    issuer: "http://bench.idp",
    subject: "bench-rep",
    email: "bench@giftdesk.test",
    name: "Bench Rep",
    role: "rep",
    team: "a",
  });
  // As high as the app's in this bench: the limiter's database work is measured, never a wait.
  const limiter = createRateLimiter({ db, key: "sendoso:bench", limit: 1_000, windowMs: 1_000 });
  const client = createSendosoClient({
    baseUrl: simUrl,
    getAccessToken: async () => "sandbox-token",
    timeoutMs: 5_000,
    limiter,
  });
  // The POST is bracketed so the step breakdown (steps.ts) can tell it from the database work.
  const sendoso: typeof client = {
    ...client,
    prepareSend: () => timedCall("token + outbound slot (prepareSend)", () => client.prepareSend()),
    createSend: (...args) => timedCall("POST /api/v3/send (upstream)", () => client.createSend(...args)),
  };
  const deps = { db, sendoso, viaFrom: "Gift Desk", repeatWindowDays: 30, settleWaitMs: 10_000 };
  const path: Path = {
    label: "submitSend in-process (parse+db+limiter+client)",
    async send(i) {
      const input = form("inproc", i);
      const started = performance.now();
      const result = await submitSend(deps, rep, sendGiftSchema.parse(input), {
        name: "Coffee for two",
        estimate: { amount: null, isGuess: true },
      });
      if (result.status !== "sent") throw new Error(`submitSend: ${JSON.stringify(result)}`);
      return performance.now() - started;
    },
  };
  return { path, dispose: () => limiter.dispose() };
}
