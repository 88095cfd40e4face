// p50/p95 of one Sendoso client call (shared database limiter + connection token + zod parse) against a
// raw fetch of the same simulator endpoint, interleaved in one run.
//   npx tsx bench/sendoso-client/run.ts [--postgres postgres://postgres@127.0.0.1:5432/postgres] [--iterations 300]
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
/** One iteration every 125 ms: each limiter sees 8 calls a second, under Sendoso's 10. */
const PERIOD_MS = 125;
const TOUCH_ID = 1001;

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
    const token = await tokens.getAccessToken();
    const url = `${sim.url}/api/v3/touches/${TOUCH_ID}`;
    const raw = async () => {
      const response = await fetch(url, {
        headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
      });
      await response.text();
    };

    const samples = { raw: [] as number[], client: [] as number[], noSpare: [] as number[] };
    for (let i = 0; i < WARMUP + ITERATIONS; i++) {
      const started = performance.now();
      // Rotate the order so no variant always runs first (or right after another's socket work).
      const order = [
        ["raw", raw],
        ["client", () => client.getTouch(TOUCH_ID)],
        ["noSpare", () => clientNoSpare.getTouch(TOUCH_ID)],
      ] as const;
      for (let k = 0; k < order.length; k++) {
        const [name, work] = order[(i + k) % order.length] as (typeof order)[number];
        const ms = await timed(work);
        if (i >= WARMUP) samples[name].push(ms);
        // Let the limiter's deferred writes (handing time back, refilling its spare) finish, so they
        // are not billed to whichever variant runs next.
        await sleep(15);
      }
      await sleep(Math.max(0, PERIOD_MS - (performance.now() - started)));
    }
    await Promise.all([warm.dispose(), cold.dispose()]);

    const row = (label: string, values: number[]) =>
      `${label.padEnd(44)} ${percentile(values, 0.5).toFixed(3).padStart(8)} ${percentile(values, 0.95).toFixed(3).padStart(8)}`;
    const ratio = (values: number[], p: number) => percentile(values, p) / percentile(samples.raw, p);
    console.log(
      `\nGET /api/v3/touches/${TOUCH_ID}, ${ITERATIONS} samples each, database: ${postgres ? "PostgreSQL" : "PGlite"}`,
    );
    console.log(`${"".padEnd(44)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}`);
    console.log(row("raw fetch", samples.raw));
    console.log(row("client (limiter + token + parse)", samples.client));
    console.log(row("client, no spare lease (DB on every call)", samples.noSpare));
    console.log(
      `ratio client/raw: p50 ${ratio(samples.client, 0.5).toFixed(3)}, p95 ${ratio(samples.client, 0.95).toFixed(3)} (target p50 ≤ 1.05)`,
    );
    console.log(
      `ratio no-spare/raw: p50 ${ratio(samples.noSpare, 0.5).toFixed(3)}, p95 ${ratio(samples.noSpare, 0.95).toFixed(3)}`,
    );
  } finally {
    await handle.close();
    sim.child.kill("SIGTERM");
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
