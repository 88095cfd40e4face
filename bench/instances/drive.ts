import { randomBytes } from "node:crypto";
import type { RunningApp } from "../send-path/app-server";
import type { Rep } from "./cluster";

export type SendResult = {
  key: string;
  email: string;
  outcome: "sent" | "unknown" | "refused" | "cut";
  ms: number;
};

export type DriveOptions = {
  apps: RunningApp[];
  reps: Rep[];
  sends: number;
  /** Every n-th send is submitted twice at once, to two different instances (a double click). */
  doubleSubmitEvery?: number;
  /** Called once, when half the sends have started (e.g. to SIGKILL an instance). */
  atHalf?: () => void;
};

/** One sendGift server action call on `app`, as the send form posts it; resolves with what it answered. */
async function postSend(
  app: RunningApp,
  rep: Rep,
  form: Record<string, unknown>,
): Promise<SendResult["outcome"]> {
  try {
    const response = await fetch(`${app.url}/send`, {
      method: "POST",
      headers: {
        "Next-Action": app.actionId("sendGift"),
        "Content-Type": "text/plain;charset=UTF-8",
        Accept: "text/x-component",
        Origin: app.url,
        Cookie: rep.cookie,
      },
      body: JSON.stringify([form]),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    if (text.includes('"status":"sent"')) return "sent";
    if (text.includes('"status":"unknown"')) return "unknown";
    return "refused";
  } catch {
    return "cut";
  }
}

/**
 * `sends` sends from `reps.length` concurrent reps (each rep one send at a time, as a person would),
 * spread round robin over the instances still alive. Returns one result per intent, timed end to end.
 */
export async function driveSends(options: DriveOptions): Promise<SendResult[]> {
  const alive = [...options.apps];
  const run = randomBytes(3).toString("hex");
  const results: SendResult[] = [];
  let next = 0;
  let started = 0;
  const worker = async (rep: Rep, r: number) => {
    for (;;) {
      const i = next++;
      if (i >= options.sends) return;
      started += 1;
      if (started === Math.ceil(options.sends / 2)) options.atHalf?.();
      const key = crypto.randomUUID();
      const email = `r.${run}.${i}@example.com`;
      const form = {
        sendType: "address_collection",
        idempotencyKey: key,
        touchId: 1001,
        recipientName: "Ray Recipient",
        recipientEmail: email,
      };
      const app = alive[(i + r) % alive.length] as RunningApp;
      const t0 = performance.now();
      const calls = [postSend(app, rep, form)];
      if (options.doubleSubmitEvery && i % options.doubleSubmitEvery === 0 && alive.length > 1) {
        calls.push(postSend(alive[(i + r + 1) % alive.length] as RunningApp, rep, form));
      }
      const outcomes = await Promise.all(calls);
      const outcome = outcomes.includes("sent") ? "sent" : (outcomes[0] as SendResult["outcome"]);
      results.push({ key, email, outcome, ms: performance.now() - t0 });
    }
  };
  const kill = options.atHalf;
  if (kill) {
    options.atHalf = () => {
      kill();
      // Later sends go to the survivors; calls already on the dead one come back "cut".
      alive.splice(alive.length - 1, 1);
    };
  }
  await Promise.all(options.reps.map((rep, r) => worker(rep, r)));
  return results;
}

/** The most POSTs any one-second window saw (a sliding window over the simulator's receive times). */
export function maxPerSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] as number) - (sorted[start] as number) >= 1_000) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
