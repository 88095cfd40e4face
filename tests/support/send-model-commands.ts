import { and, eq } from "drizzle-orm";
import fc from "fast-check";
import { expect } from "vitest";
import { sends } from "@/lib/db/schema";
import { submitSend } from "@/lib/sends/send-service";
import type { Fault } from "./send-model";
import { formFor, type Intent, type Model, type Real, settledBy, statusOf, tagOf } from "./send-model";
import { Approve, MarkNotSent, Reconcile, Reject, Sweep } from "./send-model-office";
import {
  type Command,
  faultArb,
  faultName,
  inject,
  newIntent,
  pick,
  recipientOf,
  submitPredicted,
  touchOf,
} from "./send-model-steps";

/** The model-based send test's form commands (what a rep's browser does) and the command mix. */

class Submit implements Command {
  constructor(
    readonly slot: number,
    readonly big: boolean,
    readonly fault: Fault,
    readonly clicks: number,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const intent = newIntent(m, recipientOf(m, this.slot), this.big);
    m.intents.push(intent);
    await submitPredicted(m, r, intent, intent.values, this.fault, this.clicks);
  }
  toString = () => `submit(r${this.slot}${this.big ? ",big" : ""},${faultName(this.fault)},x${this.clicks})`;
}

/** A reload of the form: the same draft and key again (with the repeat confirmed once the rep has). */
class Reload implements Command {
  constructor(
    readonly index: number,
    readonly confirm: boolean,
    readonly fault: Fault,
  ) {}
  check = (m: Readonly<Model>) => m.intents.length > 0;
  async run(m: Model, r: Real) {
    const intent = pick(m, this.index, () => true) as Intent;
    const values = {
      ...intent.values,
      confirmRepeatRecipient: intent.values.confirmRepeatRecipient || this.confirm,
    };
    if (!intent.row) return submitPredicted(m, r, intent, values, this.fault);
    const posts = (await r.sim.sendPosts()).length;
    await inject(r, this.fault);
    const result = await submitSend(r.deps, r.rep, values, touchOf(intent));
    await r.sim.clearFaults();
    expect(result).toMatchObject({ status: statusOf(intent.row.state), sendId: intent.row.id });
    expect(await r.sim.sendPosts()).toHaveLength(posts);
  }
  toString = () => `reload(#${this.index}${this.confirm ? ",confirm" : ""},${faultName(this.fault)})`;
}

/** An old tab reuses a recorded key for another recipient: the first send's outcome, nothing new. */
class OtherTab implements Command {
  constructor(
    readonly index: number,
    readonly slot: number,
  ) {}
  check = (m: Readonly<Model>) => m.intents.some((i) => i.row);
  async run(m: Model, r: Real) {
    const intent = pick(m, this.index, (i) => i.row !== null) as Intent;
    const other = { ...formFor(m, intent.n, recipientOf(m, this.slot), "b"), idempotencyKey: intent.key };
    const result = await submitSend(r.deps, r.rep, other, touchOf(intent));
    const row = intent.row as NonNullable<Intent["row"]>;
    expect(result).toMatchObject({ status: "key_reused", sendId: row.id, first: statusOf(row.state) });
  }
  toString = () => `otherTab(#${this.index},r${this.slot})`;
}

/** Two tabs submit one key with two recipients at the same moment: one row, one POST at most. */
class RaceSameKey implements Command {
  constructor(readonly fault: Fault) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const a = newIntent(m, `race${m.intents.length}.${m.run}@example.com`, false);
    const b = { ...formFor(m, a.n, `race${a.n}b.${m.run}@example.com`, "b"), idempotencyKey: a.key };
    m.intents.push(a);
    await inject(r, this.fault);
    const results = await Promise.all([a.values, b].map((v) => submitSend(r.deps, r.rep, v, touchOf(a))));
    await r.sim.clearFaults();
    const [row] = await r.db
      .select()
      .from(sends)
      .where(and(eq(sends.senderId, r.rep.id), eq(sends.idempotencyKey, a.key)));
    if (!row) throw new Error("no row for the raced key");
    const winner = row.recipientEmail === a.recipient ? 0 : 1;
    if (winner === 1) Object.assign(a, { recipient: b.recipientEmail, values: b, tag: tagOf(m, a.n, "b") });
    const state = settledBy(m, this.fault);
    expect(results[winner]).toMatchObject({ status: state, sendId: row.id });
    expect(results[1 - winner]).toMatchObject({ status: "key_reused", sendId: row.id });
    expect(["in_progress", state]).toContain((results[1 - winner] as { first: string }).first);
    a.row = { id: row.id, state };
  }
  toString = () => `raceSameKey(${faultName(this.fault)})`;
}

const index = fc.nat({ max: 20 });
const slot = fc.integer({ min: 0, max: 2 });

export const sendCommands = (maxCommands: number) =>
  fc.commands(
    [
      fc
        .tuple(slot, fc.boolean(), faultArb, fc.constantFrom(1, 1, 2))
        .map(([s, big, f, c]) => new Submit(s, big, f, c)),
      // Over the threshold, so approvals (below) have something to decide.
      fc
        .tuple(slot, fc.constant(true), faultArb, fc.constant(1))
        .map(([s, big, f, c]) => new Submit(s, big, f, c)),
      fc.tuple(index, fc.boolean(), faultArb).map(([i, c, f]) => new Reload(i, c, f)),
      fc.tuple(index, slot).map(([i, s]) => new OtherTab(i, s)),
      faultArb.map((f) => new RaceSameKey(f)),
      fc.tuple(index, faultArb, fc.boolean()).map(([i, f, t]) => new Approve(i, f, t)),
      fc.tuple(index, faultArb).map(([i, f]) => new Approve(i, f, true)),
      index.map((i) => new Reject(i)),
      fc.constantFrom<Fault>(null, { type: "delay", ms: 150 }, { type: "hang" }).map((f) => new Sweep(f)),
      fc.boolean().map((fails) => new Reconcile(fails)),
      index.map((i) => new MarkNotSent(i)),
    ],
    // Long sequences (up to maxCommands) from the first run: the interesting states need several steps.
    { maxCommands, size: "max" },
  );
