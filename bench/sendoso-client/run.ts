// p50/p95 of one Sendoso client call (shared database limiter + connection token + zod parse) against a
// raw fetch of the same simulator endpoint, interleaved in one run.
//   npx tsx bench/sendoso-client/run.ts [--postgres postgres://postgres@127.0.0.1:5432/postgres]
//     [--iterations 300] [--latency 0]
// --latency N makes the simulator wait N ms before answering (its `delay` fault), to see the overhead
// against a round trip like the real Sendoso's rather than a loopback one.
import { createRateLimiter } from "@/lib/rate-limit";
import { createSendosoClient } from "@/lib/sendoso/client";
import { openConnectionFor } from "@/lib/sendoso/connect";
import { connectRep, openBenchDatabase, startSimulatorProcess } from "./setup";

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const ITERATIONS = Number(arg("iterations") ?? 300);
const WARMUP = 30;
/** One round of all variants every 150 ms: each limiter sees under 7 calls a second, under Sendoso's 10. */
const PERIOD_MS = 150;
/** Pause after each sample, so the limiter's deferred writes are not billed to the next variant. */
const SETTLE_MS = 20;
const TOUCH_ID = 1001;
const LATENCY_MS = Number(arg("latency") ?? 0);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
};

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

type Variant = { label: string; work: () => Promise<unknown>; samples: number[] };

function report(variants: Variant[], database: string) {
  const [raw, rawJson, client, noSpare] = variants as [Variant, Variant, Variant, Variant];
  const ms = (v: Variant, p: number) => percentile(v.samples, p).toFixed(3).padStart(8);
  const ratio = (a: Variant, b: Variant) =>
    `p50 ${(percentile(a.samples, 0.5) / percentile(b.samples, 0.5)).toFixed(3)}, ` +
    `p95 ${(percentile(a.samples, 0.95) / percentile(b.samples, 0.95)).toFixed(3)}`;
  const latency = LATENCY_MS > 0 ? `, simulated latency ${LATENCY_MS} ms` : "";
  console.log(
    `\nGET /api/v3/touches/${TOUCH_ID}, ${ITERATIONS} samples each, database: ${database}${latency}`,
  );
  console.log(`${"".padEnd(44)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}`);
  for (const v of variants) console.log(`${v.label.padEnd(44)} ${ms(v, 0.5)} ${ms(v, 0.95)}`);
  console.log(`ratio client / raw fetch (text):  ${ratio(client, raw)}   (target p50 ≤ 1.05)`);
  console.log(`ratio client / raw fetch (json):  ${ratio(client, rawJson)}`);
  console.log(`ratio no spare / raw fetch (text): ${ratio(noSpare, raw)}`);
}

async function main() {
  const postgres = arg("postgres");
  const sim = await startSimulatorProcess();
  const handle = await openBenchDatabase(postgres);
  try {
    const { deps, userId } = await connectRep(handle, sim.url);
    const limiterFor = (key: string, prefetch: boolean) =>
      createRateLimiter({
        db: handle.db,
        key,
        limit: 10,
        windowMs: 1_000,
        requestTimeoutMs: 5_000,
        prefetch,
      });
    const warm = limiterFor("sendoso:bench", true);
    const cold = limiterFor("sendoso:bench-no-spare", false);
    const { tokens } = await openConnectionFor(deps, userId);
    const clientOn = (limiter: typeof warm) =>
      createSendosoClient({ baseUrl: sim.url, timeoutMs: 5_000, limiter, tokens });
    const client = clientOn(warm);
    const clientNoSpare = clientOn(cold);
    const url = `${sim.url}/api/v3/touches/${TOUCH_ID}`;
    if (LATENCY_MS > 0) {
      await fetch(`${sim.url}/__sandbox/faults`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          match: { method: "GET", path: `/api/v3/touches/${TOUCH_ID}` },
          fault: { type: "delay", ms: LATENCY_MS },
          times: 1_000_000,
        }),
      });
    }
    const headers = { Authorization: `Bearer ${await tokens.getAccessToken()}`, Accept: "application/json" };

    const variants: Variant[] = [
      {
        label: "raw fetch + res.text()",
        work: async () => (await fetch(url, { headers })).text(),
        samples: [],
      },
      {
        label: "raw fetch + res.json()",
        work: async () => (await fetch(url, { headers })).json(),
        samples: [],
      },
      { label: "client (limiter + token + zod parse)", work: () => client.getTouch(TOUCH_ID), samples: [] },
      {
        label: "client, no spare lease (DB on every call)",
        work: () => clientNoSpare.getTouch(TOUCH_ID),
        samples: [],
      },
    ];
    for (let i = 0; i < WARMUP + ITERATIONS; i++) {
      const started = performance.now();
      // Rotate the order so no variant always runs first after the idle gap.
      for (let k = 0; k < variants.length; k++) {
        const variant = variants[(i + k) % variants.length] as Variant;
        const ms = await timed(variant.work);
        if (i >= WARMUP) variant.samples.push(ms);
        await sleep(SETTLE_MS);
      }
      await sleep(Math.max(0, PERIOD_MS - (performance.now() - started)));
    }
    await Promise.all([warm.dispose(), cold.dispose()]);
    report(variants, postgres ? "PostgreSQL" : "PGlite");
  } finally {
    await handle.close();
    sim.child.kill("SIGTERM");
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
