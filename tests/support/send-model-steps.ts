import fc from "fast-check";
import { expect } from "vitest";
import { type SubmitResult, submitSend } from "@/lib/sends/send-service";
import type { SendGiftValues } from "@/lib/validation/send";
import {
  decision,
  type Fault,
  formFor,
  type Intent,
  type Model,
  type Real,
  settledBy,
  tagOf,
} from "./send-model";
import { priced } from "./touch-pricing";

/** What the model-based send test's commands share: faults, picking an intent, a predicted submit. */

export type Command = fc.AsyncCommand<Model, Real>;

export const FAULTS: Fault[] = [
  { type: "delay", ms: 60 },
  { type: "rate_limit" },
  { type: "hang" },
  { type: "error_after" },
  { type: "close_after" },
  { type: "malformed" },
  { type: "error_before", status: 503 },
  { type: "error_before", status: 422 },
  { type: "error_before", status: 409 },
  { type: "error_before", status: 408 },
  { type: "error_before", status: 303 },
];
/** Half the calls meet a fault; `describe` names it in a counterexample. */
export const faultArb: fc.Arbitrary<Fault> = fc.oneof(fc.constant(null), fc.constantFrom(...FAULTS));
export const faultName = (fault: Fault) => (fault ? `${fault.type}${fault.status ?? fault.ms ?? ""}` : "ok");

export const touchOf = (intent: Intent) => (intent.big ? priced("Hamper", 200) : priced("Coffee", 20));
export const newIntent = (model: Model, recipient: string, big: boolean, suffix = ""): Intent => {
  const n = model.intents.length;
  const values = formFor(model, n, recipient, suffix);
  return {
    n,
    key: values.idempotencyKey,
    recipient,
    big,
    values,
    tag: tagOf(model, n, suffix),
    row: null,
    checkedAbsent: false,
  };
};
export const recipientOf = (model: Model, slot: number) => `r${slot}.${model.run}@example.com`;

/** The next POST meets `fault` (the simulator consumes rules in arrival order). */
export async function inject(real: Real, fault: Fault) {
  if (fault) await real.sim.injectFault(fault);
}

/** `clicks` identical submits of `values` at once, checked against the model's prediction. */
export async function submitPredicted(
  m: Model,
  r: Real,
  intent: Intent,
  values: SendGiftValues,
  fault: Fault,
  clicks = 1,
) {
  const expected = decision(m, intent, values.confirmRepeatRecipient);
  await inject(r, fault);
  const results = await Promise.all(
    Array.from({ length: clicks }, () => submitSend(r.deps, r.rep, values, touchOf(intent))),
  );
  await r.sim.clearFaults();
  // A double click is one send: both clicks get the same answer.
  for (const result of results) expect(result).toEqual(results[0]);
  const result = results[0] as SubmitResult;
  m.outcomes.push(`submit:${result.status}`);
  intent.values = values;
  if (expected === "blocked" || expected === "needs_confirmation") {
    expect(result.status).toBe(expected);
    return;
  }
  const state = expected === "pending_approval" ? expected : settledBy(m, fault);
  expect(result.status).toBe(state);
  if ("sendId" in result) intent.row = { id: result.sendId, state };
}

/** Picks among the intents `prefer` keeps, else among all that `allow` keeps. */
export function pick(m: Readonly<Model>, index: number, allow: (i: Intent) => boolean, prefer = allow) {
  const preferred = m.intents.filter(prefer);
  const pool = preferred.length > 0 ? preferred : m.intents.filter(allow);
  return pool[index % Math.max(1, pool.length)];
}
