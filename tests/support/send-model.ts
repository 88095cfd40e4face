import { asc, eq, inArray } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "@/lib/db/client";
import { type SendState, sendEvents, sends, type User } from "@/lib/db/schema";
import type { ApproveDeps } from "@/lib/sends/approval-decisions";
import { COUNTED } from "@/lib/sends/recipient-history";
import type { SendDeps, SubmitResult } from "@/lib/sends/send-service";
import { type SendGiftValues, sendGiftSchema } from "@/lib/validation/send";
import type { TestSimulator } from "./simulator";

/**
 * The model-based send test's model and checks (tests/integration/send-model.test.ts). The model
 * predicts, from the commands so far and the simulator fault each one met, which row every intent
 * (idempotency key) has and its state; after every command the database must agree exactly, and the
 * simulator must have seen at most one POST per row and none for a key that has no row.
 */

/** A simulator fault for POST /api/v3/send; null: Sendoso behaves. */
export type Fault = { type: string; ms?: number; status?: number } | null;

/**
 * Where one call that met `fault` must end (docs/architecture.md, "Classification of the answer"). A
 * 429 is retried after Retry-After (1 s when absent) only if that fits the send's deadline; otherwise
 * nothing was sent and the row fails.
 */
export function settledBy(model: Model, fault: Fault): "sent" | "failed" | "unknown" {
  if (fault?.type === "rate_limit") return model.throttleRetried ? "sent" : "failed";
  if (!fault || fault.type === "delay") return "sent";
  if (fault.type === "error_before" && [400, 403, 404, 422].includes(fault.status ?? 500)) return "failed";
  return "unknown";
}

export type Intent = {
  n: number;
  key: string;
  recipient: string;
  /** Over the team's approval threshold: waits in pending_approval. */
  big: boolean;
  /** The form as last submitted with this key (the tag in its message names the intent). */
  values: SendGiftValues;
  tag: string;
  row: { id: string; state: SendState } | null;
  /** A reconcile that read the whole list found nothing for it while it was unknown. */
  checkedAbsent: boolean;
};

export type Model = {
  run: string;
  intents: Intent[];
  /** The send's deadline leaves room to wait out a 429 (see settledBy). */
  throttleRetried: boolean;
  /** What each command ended in ("approve:held", …), tallied by the test to show what was reached. */
  outcomes: string[];
};

export type Real = {
  db: Db;
  sim: TestSimulator;
  deps: SendDeps;
  approveDeps: ApproveDeps;
  rep: User;
  manager: User;
  /** A second approver (org-wide), for two approvals at once. */
  admin: User;
  reconcile(): Promise<unknown>;
};

/** The states each state may move to (docs/architecture.md, "Send states and transitions"). */
export const ALLOWED: Record<string, readonly SendState[]> = {
  start: ["in_flight", "pending_approval"],
  pending_approval: ["in_flight", "rejected", "cancelled"],
  in_flight: ["sent", "failed", "unknown"],
  unknown: ["sent", "failed", "not_sent"],
  not_sent: ["sent"],
  queued: ["not_sent"],
};

/** What a repeat of a recorded form answers, by its row's state (send-service.ts resultOf). */
export function statusOf(state: SendState): SubmitResult["status"] {
  if (state === "sent" || state === "unknown" || state === "pending_approval") return state;
  if (state === "in_flight" || state === "queued") return "in_progress";
  return "failed";
}

export function formFor(model: Model, n: number, recipient: string, suffix = ""): SendGiftValues {
  return sendGiftSchema.parse({
    sendType: "address_collection",
    idempotencyKey: crypto.randomUUID(),
    touchId: 1001,
    recipientName: "Moe Model",
    recipientEmail: recipient,
    customMessage: `Thanks [${tagOf(model, n, suffix)}]`,
  });
}

export const tagOf = (model: Model, n: number, suffix = "") => `${model.run}-${n}${suffix}`;

/** What the send path must decide for `intent` before any call, given every other row of this run. */
export function decision(model: Model, intent: Intent, confirmed: boolean) {
  const priors = model.intents.filter(
    (o) => o !== intent && o.recipient === intent.recipient && o.row && COUNTED.includes(o.row.state),
  );
  if (priors.some((p) => p.row?.state === "unknown")) return "blocked" as const;
  if (priors.length > 0 && !confirmed) return "needs_confirmation" as const;
  return intent.big ? ("pending_approval" as const) : ("in_flight" as const);
}

/** Tags (intents) named by a POST or an upstream send: the bracketed tag in its custom message. */
const tagIn = (value: unknown) => /\[([^\]]+)\]/.exec(JSON.stringify(value ?? ""))?.[1] ?? null;

export async function upstreamByTag(sim: TestSimulator) {
  const response = await fetch(`${sim.baseUrl}/__sandbox/sends`);
  const body = (await response.json()) as {
    sends: { tracking_code: string; send_gid: string; request: unknown }[];
  };
  const byTag = new Map<string, { tracking_code: string; send_gid: string }[]>();
  for (const send of body.sends) {
    const tag = tagIn(send.request);
    if (tag) byTag.set(tag, [...(byTag.get(tag) ?? []), send]);
  }
  return byTag;
}

/**
 * The invariants after every command: one row per recorded intent (none for the others, none extra),
 * each in the state the model predicts; at most one POST Sendoso may have acted on per row and none
 * for a form that has no row; a `sent` row is backed by its own gift upstream and a never-called row
 * by none; every row's event log follows allowed transitions only.
 */
export async function checkRun(model: Model, real: Real): Promise<void> {
  const rows = await real.db.select().from(sends).where(eq(sends.senderId, real.rep.id));
  const recorded = model.intents.filter((i) => i.row);
  expect(rows).toHaveLength(recorded.length);
  for (const intent of model.intents) {
    const mine = rows.filter((r) => r.idempotencyKey === intent.key);
    expect(
      mine.map((r) => r.state),
      `intent ${intent.n}`,
    ).toEqual(intent.row ? [intent.row.state] : []);
    if (intent.row) expect(mine[0]?.id).toBe(intent.row.id);
  }

  const posts = await real.sim.sendPosts();
  const acted = new Map<string, number>();
  for (const post of posts as { json?: unknown; status?: number }[]) {
    const tag = tagIn(post.json);
    const owner = model.intents.find((i) => i.tag === tag);
    expect(owner?.row, `POST for ${tag} without a row`).toBeTruthy();
    // A 429 is refused before Sendoso processes anything; every other answer may have created a gift.
    if (post.status !== 429) acted.set(tag ?? "", (acted.get(tag ?? "") ?? 0) + 1);
  }
  for (const [tag, count] of acted) expect(count, `POSTs for ${tag}`).toBeLessThanOrEqual(1);

  const upstream = await upstreamByTag(real.sim);
  for (const intent of recorded) {
    const gifts = upstream.get(intent.tag) ?? [];
    expect(gifts.length).toBeLessThanOrEqual(1);
    const row = rows.find((r) => r.id === intent.row?.id);
    if (row?.state === "sent") {
      expect(gifts, `sent row ${intent.n} has no gift upstream`).toHaveLength(1);
      if (row.trackingCode) expect(row.trackingCode).toBe(gifts[0]?.tracking_code);
      if (row.sendosoSendGid) expect(row.sendosoSendGid).toBe(gifts[0]?.send_gid);
    }
    if (row && ["pending_approval", "rejected", "cancelled", "failed"].includes(row.state))
      expect(gifts, `row ${intent.n} is ${row.state} but Sendoso has it`).toEqual([]);
  }

  const ids = rows.map((r) => r.id);
  const events =
    ids.length === 0
      ? []
      : await real.db
          .select()
          .from(sendEvents)
          .where(inArray(sendEvents.sendId, ids))
          .orderBy(asc(sendEvents.id));
  for (const id of ids) {
    let from = "start";
    for (const event of events.filter((e) => e.sendId === id)) {
      expect(ALLOWED[from] ?? [], `${from} → ${event.toState}`).toContain(event.toState);
      if (event.fromState) expect(event.fromState).toBe(from);
      from = event.toState;
    }
    expect(from).toBe(rows.find((r) => r.id === id)?.state);
  }
}
