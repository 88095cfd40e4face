import pg from "pg";
import type { Path } from "./measure";

/**
 * Per-step breakdown of one in-process send on PostgreSQL: every statement node-postgres sends from this
 * process is timed (one `query` call = one round trip), and the upstream POST is bracketed by the path.
 * Statements between BEGIN and COMMIT form one step (one commit); a lone write outside a transaction
 * is its own step and its own commit; a lone read is a round trip without a commit.
 */
type Event =
  | { kind: "query"; client: object; text: string; ms: number }
  | { kind: "call"; label: string; ms: number };
export type Step = { label: string; roundTrips: number; commits: number; ms: number };

let recording: Event[] | null = null;
let patched = false;

function patchPg() {
  if (patched) return;
  patched = true;
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const events = recording;
    if (!events) return original.apply(this, args);
    const first = args[0] as string | { text?: string; callback?: unknown };
    const text = typeof first === "string" ? first : (first?.text ?? "");
    const started = performance.now();
    const event: Event = { kind: "query", client: this as object, text, ms: 0 };
    events.push(event);
    const done = () => {
      event.ms = performance.now() - started;
    };
    // Pool.query passes a callback (as the last argument) instead of awaiting the promise.
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === "function")
      args[last] = (...cbArgs: unknown[]) => {
        done();
        return callback(...cbArgs);
      };
    const result = original.apply(this, args);
    return result instanceof Promise ? result.finally(done) : result;
  } as typeof original;
}

/** Marks a non-database step inside a recording (the path wraps its Sendoso calls with this). */
export async function timedCall<T>(label: string, call: () => Promise<T>): Promise<T> {
  const events = recording;
  const started = performance.now();
  try {
    return await call();
  } finally {
    events?.push({ kind: "call", label, ms: performance.now() - started });
  }
}

const isWrite = (text: string) => /^\s*(insert|update|delete|with[\s\S]*\b(update|insert)\b)/i.test(text);
const shortLabel = (text: string) =>
  text
    .replace(/\s+/g, " ")
    .replace(/^with (\w+) as \(.*$/i, "with $1 …")
    .slice(0, 44);

function stepsOf(events: Event[]): Step[] {
  const steps: Step[] = [];
  // Open transactions by connection: background statements on other connections stay separate.
  const open = new Map<object, Step>();
  for (const event of events) {
    if (event.kind === "call") {
      steps.push({ label: event.label, roundTrips: 0, commits: 0, ms: event.ms });
      continue;
    }
    const text = event.text.trim();
    if (/^begin/i.test(text)) {
      const tx = { label: "transaction", roundTrips: 1, commits: 0, ms: event.ms };
      open.set(event.client, tx);
      steps.push(tx);
      continue;
    }
    const tx = open.get(event.client);
    if (tx) {
      tx.roundTrips++;
      tx.ms += event.ms;
      if (tx.label === "transaction") tx.label = `tx: ${shortLabel(text)}`;
      if (/^(commit|rollback)/i.test(text)) {
        if (/^commit/i.test(text)) tx.commits = 1;
        open.delete(event.client);
      }
      continue;
    }
    // The limiter's own writes (refilling its spare lease, handing time back) run after the caller's
    // continuation (setImmediate), off the send's critical path.
    const label = /rate_limit_slots/.test(text)
      ? `(background) limiter: ${shortLabel(text)}`
      : shortLabel(text);
    steps.push({ label, roundTrips: 1, commits: isWrite(text) ? 1 : 0, ms: event.ms });
  }
  return steps;
}

/**
 * Runs `samples` sends on `path` while recording, and returns the steps of the median-time send with
 * each step's ms replaced by its median over all sends of the same shape.
 */
export async function measureSteps(path: Path, samples: number, startIndex: number): Promise<Step[]> {
  patchPg();
  const runs: Step[][] = [];
  for (let i = 0; i < samples; i++) {
    recording = [];
    const elapsed = await path.send(startIndex + i);
    const events = recording;
    recording = null;
    const steps = stepsOf(events);
    const accounted = steps.filter((s) => !s.label.startsWith("(background)")).reduce((n, s) => n + s.ms, 0);
    steps.push({
      label: "rest: parse, body, JS, pool waits",
      roundTrips: 0,
      commits: 0,
      ms: elapsed - accounted,
    });
    runs.push(steps);
  }
  const shape = (steps: Step[]) => steps.map((s) => `${s.label}/${s.roundTrips}`).join("|");
  const counts = new Map<string, Step[][]>();
  for (const run of runs) counts.set(shape(run), [...(counts.get(shape(run)) ?? []), run]);
  const common = [...counts.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  return (common[0] ?? []).map((step, k) => ({
    ...step,
    ms: median(common.map((run) => run[k]?.ms ?? 0)),
  }));
}

export function stepTable(steps: Step[]): string[] {
  const lines = [`${"step".padEnd(50)}│ round trips │ commits │     ms`];
  for (const s of steps)
    lines.push(
      `${s.label.padEnd(50)}│ ${String(s.roundTrips).padStart(11)} │ ${String(s.commits).padStart(7)} │ ${s.ms.toFixed(2).padStart(6)}`,
    );
  const onPath = steps.filter((s) => !s.label.startsWith("(background)"));
  const sum = (f: (s: Step) => number) => onPath.reduce((n, s) => n + f(s), 0);
  lines.push(
    `${"total on the send's path".padEnd(50)}│ ${String(sum((s) => s.roundTrips)).padStart(11)} │ ${String(sum((s) => s.commits)).padStart(7)} │ ${sum(
      (s) => s.ms,
    )
      .toFixed(2)
      .padStart(6)}`,
  );
  return lines;
}

/** Transactions PostgreSQL committed in `database` (any process, e.g. the app server), for deltas. */
export async function committedTransactions(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // pg_stat reads are cached per transaction; clear so the count is current.
    await client.query("select pg_stat_clear_snapshot()");
    const { rows } = await client.query<{ n: string }>(
      "select xact_commit::text as n from pg_stat_database where datname = current_database()",
    );
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}
