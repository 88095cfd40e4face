// N-instances benchmark (issue 13): `npx tsx bench/instances/run.ts`. Needs an existing `.next` build
// and a local PostgreSQL server. Prints sends/s and p50/p95 send latency with 1 and 3 instances at 30
// concurrent reps, and the most POSTs the simulator saw in any one second (must be ≤ the limit).
// Env: BENCH_DATABASE_URL, BENCH_SENDS (300), BENCH_REPS (30), BENCH_RATE (20 per second),
// BENCH_INSTANCES ("1,3").
import { maxPerSecond, percentile } from "./drive";
import { runScenario } from "./scenario";

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const SENDS = Number(process.env.BENCH_SENDS ?? 300);
const REPS = Number(process.env.BENCH_REPS ?? 30);
const RATE = Number(process.env.BENCH_RATE ?? 20);
const COUNTS = (process.env.BENCH_INSTANCES ?? "1,3").split(",").map(Number);

async function main() {
  const rows: string[] = [];
  for (const instances of COUNTS) {
    const report = await runScenario({
      adminUrl: ADMIN_URL,
      instances,
      reps: REPS,
      sends: SENDS,
      rateLimitPerSecond: RATE,
    });
    const sent = report.results.filter((r) => r.outcome === "sent");
    const ms = sent.map((r) => r.ms);
    const peak = maxPerSecond(report.posts.map((p) => p.at));
    rows.push(
      `| ${instances} | ${REPS} | ${sent.length}/${SENDS} | ${(sent.length / (report.wallMs / 1000)).toFixed(1)} | ${percentile(ms, 50).toFixed(0)} | ${percentile(ms, 95).toFixed(0)} | ${peak} (limit ${RATE}) |`,
    );
  }
  console.log(`\n| instances | concurrent reps | sent | sends/s | p50 ms | p95 ms | max POSTs in any 1 s |`);
  console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const row of rows) console.log(row);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
