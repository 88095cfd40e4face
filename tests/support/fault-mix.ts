/**
 * Seeded randomness for stress tests: a failing run is replayed exactly by setting the same seed
 * (the test prints it). mulberry32: tiny, fast and good enough for picking test cases.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** A simulator fault for POST /api/v3/send; `null` means Sendoso behaves. */
export type SendFault = { type: string; ms?: number; status?: number } | null;

/**
 * Every fault that can meet a send, weighted so each shows up several times in 50 sends, with plain
 * success the most common. Each outcome class is covered: sent, unknown (hang, 5xx, dropped, malformed),
 * throttled then retried (429), and slow but fine (delay).
 */
const WEIGHTED: [number, (random: () => number) => SendFault][] = [
  [30, () => null],
  [12, (r) => ({ type: "delay", ms: 50 + Math.floor(r() * 400) })],
  [8, () => ({ type: "hang" })],
  [8, () => ({ type: "error_after" })],
  [8, () => ({ type: "close_after" })],
  [8, () => ({ type: "malformed" })],
  [8, (r) => ({ type: "error_before", status: pick(r, [500, 502, 503]) })],
  [18, () => ({ type: "rate_limit" })],
];

export function randomFault(random: () => number): SendFault {
  const total = WEIGHTED.reduce((sum, [w]) => sum + w, 0);
  let roll = random() * total;
  for (const [weight, make] of WEIGHTED) {
    roll -= weight;
    if (roll < 0) return make(random);
  }
  return null;
}

/**
 * The simulator consumes fault rules in the order requests arrive, one rule per request. "Behaves" is
 * queued as a zero delay so the queue keeps one slot per planned fault; requests past the end of the
 * queue (429 retries) meet whatever is left, and finally a well-behaved Sendoso.
 */
export const asQueuedFault = (fault: SendFault) => fault ?? { type: "delay", ms: 0 };
