// Bulk send benchmark (issue 12): `npx tsx bench/bulk/run.ts`. PostgreSQL from BENCH_DATABASE_URL
// (default the local server; a throwaway database, dropped afterwards). Env: BENCH_ROWS (dispatch rows,
// default 600; 5000 for the full batch, ~9 min at 10/s), BENCH_LIMIT (SENDOSO_RATE_LIMIT_PER_SECOND, 10).
// Prints validation time for 5,000 rows, dispatch rows/s with the simulator answering in 50 ms, the
// busiest second Sendoso saw, peak RSS of this (worker) process; the last line is `ratio X`.
import { performance } from "node:perf_hooks";
import { bulkSlots } from "@/lib/bulk/bulk-slots";
import { autoMap, cellsOf } from "@/lib/bulk/fields";
import { parseBulkFile } from "@/lib/bulk/parse-file";
import { recipientFlags } from "@/lib/bulk/recipient-flags";
import { startBatch } from "@/lib/bulk/start-batch";
import { reviewRows } from "@/lib/bulk/validate-rows";
import { runBatch } from "@/lib/bulk/worker";
import { createRateLimiter } from "@/lib/rate-limit";
import { bulkSettings, bulkWorkerDeps, draftBatch } from "../../tests/support/bulk";
import { sandboxClient } from "../../tests/support/send-deps";
import { priced } from "../../tests/support/touch-pricing";
import { makeUser } from "../../tests/support/users";
import { busiestWindow } from "../../tests/support/windows";
import { openBenchDatabase, startSimulatorProcess } from "../sendoso-client/setup";

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const ROWS = Number(process.env.BENCH_ROWS ?? 600);
const LIMIT = Number(process.env.BENCH_LIMIT ?? 10);
const UPSTREAM_DELAY_MS = 50;
const VALIDATION_ROWS = 5_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function control(simUrl: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${simUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.status === 204 ? null : response.json();
}

async function main() {
  const { url: simUrl, child } = await startSimulatorProcess();
  const handle = await openBenchDatabase(ADMIN_URL);
  const db = handle.db;
  try {
    const rep = await makeUser(db, "bench-bulk", "rep", "bench");

    // 1. Validation of 5,000 rows: parse the file, map, look up every recipient's history, judge each row.
    const csv = [
      "first_name,last_name,email,company,custom_message",
      ...Array.from(
        { length: VALIDATION_ROWS },
        (_, i) => `Ann${i},Lee,ann.${i}@bench.example.com,Acme ${i % 50},`,
      ),
    ].join("\n");
    const bytes = new TextEncoder().encode(csv);
    const times: number[] = [];
    for (let round = 0; round < 5; round++) {
      const started = performance.now();
      const parsed = await parseBulkFile(bytes, "bench.csv");
      if (!parsed.ok) throw new Error(parsed.message);
      const mapping = autoMap(parsed.sheet.headers);
      const rows = parsed.sheet.rows.map((r, i) => ({ rowNumber: i + 1, cells: cellsOf(r, mapping) }));
      const flags = await recipientFlags(
        db,
        rows.map((r) => r.cells.email ?? ""),
        30,
      );
      const reviews = reviewRows(rows, bulkSettings(), flags, 30);
      times.push(performance.now() - started);
      if (reviews.length !== VALIDATION_ROWS) throw new Error("validation lost rows");
    }

    // 2. Dispatch: one batch through the worker, the limiter as the app builds it, Sendoso at 50 ms.
    await control(simUrl, "POST", "/__sandbox/faults", {
      match: { method: "POST", path: "/api/v3/send" },
      fault: { type: "delay", ms: UPSTREAM_DELAY_MS },
      times: 1_000_000,
    });
    const limiter = createRateLimiter({
      db,
      key: "sendoso:bench",
      limit: bulkSlots(LIMIT),
      windowMs: 1_000,
      maxWaitMs: 120_000,
      requestTimeoutMs: 15_000,
    });
    const batchId = await draftBatch(db, rep, ROWS, { tag: `bench${Date.now()}` });
    await startBatch(db, rep, batchId, priced("Coffee", 5), { windowDays: 30, currency: "USD" });
    await control(simUrl, "DELETE", "/__sandbox/requests");
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 100);
    const started = performance.now();
    const client = sandboxClient({ baseUrl: simUrl }, { limiter, timeoutMs: 15_000 });
    const run = await runBatch(
      bulkWorkerDeps(db, rep, client, { concurrency: bulkSlots(LIMIT), leaseMs: 60_000 }),
      batchId,
    );
    const elapsed = (performance.now() - started) / 1000;
    clearInterval(sampler);
    await limiter.dispose();
    if (!run.ran || run.result.processed !== ROWS)
      throw new Error(`dispatch incomplete: ${JSON.stringify(run)}`);

    const { requests } = (await control(
      simUrl,
      "GET",
      "/__sandbox/requests?method=POST&path=/api/v3/send",
    )) as {
      requests: { received_at: string }[];
    };
    const arrivals = requests.map((r) => Date.parse(r.received_at)).sort((a, b) => a - b);
    const span = ((arrivals.at(-1) ?? 0) - (arrivals[0] ?? 0)) / 1000;
    const rowsPerSecond = (arrivals.length - 1) / span;

    console.log("| measure | value |");
    console.log("| --- | --- |");
    console.log(
      `| validate ${VALIDATION_ROWS} rows (parse + map + history lookup + schema), median of 5 | ${median(times).toFixed(0)} ms (target < 2000) |`,
    );
    console.log(
      `| dispatch ${ROWS} rows, Sendoso at ${UPSTREAM_DELAY_MS} ms, limit ${LIMIT}/s (bulk uses ${bulkSlots(LIMIT)} slots) | ${rowsPerSecond.toFixed(2)} rows/s (${elapsed.toFixed(1)} s wall) |`,
    );
    console.log(
      `| busiest sliding second at Sendoso | ${busiestWindow(arrivals, 1_000)} requests (limit ${LIMIT}) |`,
    );
    console.log(`| peak RSS of the worker process | ${(peakRss / 1024 / 1024).toFixed(0)} MB |`);
    console.log(`ratio ${(rowsPerSecond / LIMIT).toFixed(3)}`);
  } finally {
    await handle.close();
    child.kill("SIGTERM");
  }
}

void main();
