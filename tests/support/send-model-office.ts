import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { sends } from "@/lib/db/schema";
import { approveSend, rejectSend } from "@/lib/sends/approval-decisions";
import { markUnknownNotSent } from "@/lib/sends/resolve-unknown";
import { sendScopeFor } from "@/lib/sends/scope";
import { submitSend } from "@/lib/sends/send-service";
import { sweepStaleInFlight } from "@/lib/sends/sweeper";
import { afterWindowsClose } from "../integration/reconcile-support";
import {
  type Fault,
  type Intent,
  type Model,
  type Real,
  settledBy,
  statusOf,
  upstreamByTag,
} from "./send-model";
import { type Command, faultName, inject, newIntent, pick, touchOf } from "./send-model-steps";

/** The model-based send test's back-office commands: approvals, the sweeper, the reconciler, mark not sent. */

/** A recorded intent for `index`, preferring one whose row is in `state` (the command's own case). */
function pickRecorded(m: Model, index: number, state: string) {
  const intent = pick(
    m,
    index,
    (i) => i.row !== null,
    (i) => i.row?.state === state,
  ) as Intent;
  return { intent, row: intent.row as NonNullable<Intent["row"]> };
}

export class Approve implements Command {
  constructor(
    readonly index: number,
    readonly fault: Fault,
    readonly twice: boolean,
  ) {}
  check = (m: Readonly<Model>) => m.intents.some((i) => i.row);
  async run(m: Model, r: Real) {
    const { intent, row } = pickRecorded(m, this.index, "pending_approval");
    const held = m.intents.some(
      (o) => o !== intent && o.recipient === intent.recipient && o.row?.state === "unknown",
    );
    await inject(r, this.fault);
    const approvers = this.twice ? [r.manager, r.admin] : [r.manager];
    const results = await Promise.all(approvers.map((who) => approveSend(r.approveDeps, who, row.id)));
    await r.sim.clearFaults();
    m.outcomes.push(`approve:${results.map((x) => x.status).join("+")}`);
    if (row.state !== "pending_approval") {
      for (const result of results) expect(result).toEqual({ status: "not_pending", state: row.state });
      return;
    }
    if (held) {
      for (const result of results) expect(result.status).toBe("held");
      return;
    }
    // Exactly one approval releases it; a second one finds it no longer pending.
    const approved = results.filter((x) => x.status === "approved");
    expect(approved).toHaveLength(1);
    for (const other of results.filter((x) => x.status !== "approved"))
      expect(other.status).toBe("not_pending");
    row.state = settledBy(m, this.fault);
    expect(approved[0]).toMatchObject({ result: { status: statusOf(row.state), sendId: row.id } });
  }
  toString = () => `approve(#${this.index},${faultName(this.fault)}${this.twice ? ",twice" : ""})`;
}

export class Reject implements Command {
  constructor(readonly index: number) {}
  check = (m: Readonly<Model>) => m.intents.some((i) => i.row);
  async run(m: Model, r: Real) {
    const { intent, row } = pickRecorded(m, this.index, "pending_approval");
    const result = await rejectSend(r.db, r.manager, { sendId: row.id, reason: "Not this quarter" });
    if (row.state !== "pending_approval")
      return expect(result).toEqual({ status: "not_pending", state: row.state });
    expect(result).toEqual({ status: "rejected", sendId: row.id });
    row.state = "rejected";
  }
  toString = () => `reject(#${this.index})`;
}

/** The sweeper, alone or while a send's POST is still out (as if the sender's instance stalled). */
export class Sweep implements Command {
  constructor(readonly race: Fault) {}
  check = () => true;
  async run(m: Model, r: Real) {
    if (!this.race) return expect(await sweepStaleInFlight(r.db, { olderThanMs: 0 })).toBe(0);
    const intent = newIntent(m, `sweep${m.intents.length}.${m.run}@example.com`, false);
    m.intents.push(intent);
    await inject(r, this.race);
    const sending = submitSend(r.deps, r.rep, intent.values, touchOf(intent));
    for (let i = 0; i < 100; i++) {
      const [row] = await r.db
        .select({ state: sends.state })
        .from(sends)
        .where(eq(sends.idempotencyKey, intent.key));
      if (row) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const swept = await sweepStaleInFlight(r.db, { olderThanMs: 0 });
    expect(swept).toBeLessThanOrEqual(1);
    m.outcomes.push(`sweep:caught ${swept}`);
    const result = await sending;
    await r.sim.clearFaults();
    const state = settledBy(m, this.race);
    expect(result).toMatchObject({ status: state });
    if ("sendId" in result) intent.row = { id: result.sendId, state };
  }
  toString = () => `sweep(${this.race ? `racing ${faultName(this.race)}` : "idle"})`;
}

/** The reconciler after the sends' matching windows closed, its list read sometimes failing. */
export class Reconcile implements Command {
  constructor(readonly listFails: boolean) {}
  check = () => true;
  async run(m: Model, r: Real) {
    if (this.listFails)
      await r.sim.injectFaultOn(
        { method: "GET", path: "/api/v3/send" },
        { type: "error_before", status: 503 },
        5,
      );
    const ok = await r.reconcile().then(
      () => true,
      () => false,
    );
    await r.sim.clearFaults();
    const upstream = await upstreamByTag(r.sim);
    const rows = await r.db
      .select({ id: sends.id, state: sends.state })
      .from(sends)
      .where(eq(sends.senderId, r.rep.id));
    for (const intent of m.intents) {
      if (!intent.row) continue;
      const before = intent.row.state;
      const after = rows.find((row) => row.id === intent.row?.id)?.state;
      if (before !== "unknown" && before !== "not_sent") {
        expect(after, `reconcile moved #${intent.n}`).toBe(before);
        continue;
      }
      const own = upstream.has(intent.tag);
      // Another gift to the same person from this run can make the match ambiguous: then it waits.
      const alone = !m.intents.some(
        (o) => o !== intent && o.recipient === intent.recipient && upstream.has(o.tag),
      );
      expect([before, ...(own ? ["sent"] : [])], `#${intent.n} ${before} → ${after}`).toContain(after);
      if (ok && own && alone) expect(after, `#${intent.n} found upstream`).toBe("sent");
      if (ok && !own && alone && after === "unknown") intent.checkedAbsent = true;
      if (after !== before) m.outcomes.push(`reconcile:${before}→${after}`);
      intent.row.state = after as NonNullable<typeof after>;
    }
  }
  toString = () => `reconcile(${this.listFails ? "list fails" : "ok"})`;
}

/** A manager marks an unknown send not sent after checking Sendoso (the gate may refuse). */
export class MarkNotSent implements Command {
  constructor(readonly index: number) {}
  check = (m: Readonly<Model>) => m.intents.some((i) => i.row);
  async run(m: Model, r: Real) {
    const { intent, row } = pickRecorded(m, this.index, "unknown");
    const scope = sendScopeFor(r.manager);
    const input = { sendId: row.id, reason: "Searched Sendoso" };
    const result = await markUnknownNotSent(r.db, r.manager, scope, input, afterWindowsClose());
    m.outcomes.push(`markNotSent:${result.status}`);
    if (row.state !== "unknown") return expect(result).toEqual({ status: "not_unknown", state: row.state });
    if (intent.checkedAbsent) expect(result).toEqual({ status: "not_sent", sendId: row.id });
    else expect(["refused", "not_sent"]).toContain(result.status);
    // Marked not sent only when the reconciler proved nothing upstream is this gift.
    if (result.status === "not_sent") {
      expect((await upstreamByTag(r.sim)).has(intent.tag)).toBe(false);
      row.state = "not_sent";
    }
  }
  toString = () => `markNotSent(#${this.index})`;
}
