// Reconciler benchmark (issue 14): `npx tsx bench/reconcile/run.ts [runsAtLarge]`. One reconcile run's
// time and upstream pages at 1,000 and 100,000 open sends, and how many runs reach every send. PostgreSQL
// from BENCH_DATABASE_URL (default the local server; a throwaway database, dropped at the end); the
// simulator in its own process, as Sendoso is elsewhere.
import { sql } from "drizzle-orm";
import { createSendosoClient } from "@/lib/sendoso/client";
import { DEFAULT_HEAD_PAGES, DEFAULT_MAX_PAGES, reconcileSends } from "@/lib/sends/reconcile";
import { PER_PAGE, type ResumePoint } from "@/lib/sends/reconcile-walk";
import { openFreshPostgres } from "../../tests/support/databases";
import { seedBusyOrg } from "../../tests/support/reconcile-scale";
import { simulatorAt } from "../../tests/support/simulator";
import { makeUser } from "../../tests/support/users";
import { startSimulatorProcess } from "../sendoso-client/setup";

const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
/** At 100,000 open sends a whole cycle is ~140 runs; this many are timed (the rest follow the formula). */
const RUNS_AT_LARGE = Number(process.argv[2] ?? 8);
const SIZES = [
  { open: 1_000, upstream: 20_000, fullCycle: true },
  { open: 100_000, upstream: 200_000, fullCycle: false },
];

const promisedRuns = (pages: number) =>
  Math.ceil((pages - DEFAULT_HEAD_PAGES) / (DEFAULT_MAX_PAGES - DEFAULT_HEAD_PAGES - 1)) + 1;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function measure(size: (typeof SIZES)[number]) {
  const { url, child } = await startSimulatorProcess();
  const handle = await openFreshPostgres(adminUrl);
  try {
    const sim = simulatorAt(url);
    const rep = await makeUser(handle.db, "bench-rep", "rep", "a");
    const now = new Date();
    const { ourIds } = await seedBusyOrg(handle.db, sim, { senderId: rep.id, ...size, days: 29.5, now });
    await handle.db.execute(sql`vacuum analyze sends`);
    const client = createSendosoClient({
      baseUrl: url,
      getAccessToken: async () => "sandbox-token",
      timeoutMs: 30_000,
    });
    let upstreamMs = 0;
    const listPage = async (request: { page: number; perPage: number }) => {
      const started = performance.now();
      try {
        return await client.listSends(request);
      } finally {
        upstreamMs += performance.now() - started;
      }
    };
    const reached = new Set<string>();
    const runs: { ms: number; ownMs: number; pages: number }[] = [];
    let resume: ResumePoint | null = null;
    const limit = size.fullCycle ? 200 : RUNS_AT_LARGE;
    do {
      upstreamMs = 0;
      const started = performance.now();
      const counts = await reconcileSends({
        db: handle.db,
        listPage,
        sandboxSendosoUserId: async () => 1,
        apiSentVia: ["gift desk", "api"],
        now,
        resume,
        warn: () => {},
      });
      const ms = performance.now() - started;
      runs.push({ ms, ownMs: ms - upstreamMs, pages: counts.pages });
      for (const id of counts.reachedSendIds) reached.add(id);
      resume = counts.resume;
    } while (resume !== null && runs.length < limit);
    return {
      ...size,
      runs,
      reached: reached.size,
      total: ourIds.length,
      promised: promisedRuns(size.upstream / PER_PAGE),
    };
  } finally {
    await handle.close();
    child.kill("SIGTERM");
  }
}

async function main() {
  console.log(
    "open sends | upstream | runs timed | pages/run (max) | run ms (median, max) | of which ours | reached | runs promised per cycle",
  );
  for (const size of SIZES) {
    const r = await measure(size);
    const pages = Math.max(...r.runs.map((x) => x.pages));
    const ms = r.runs.map((x) => x.ms);
    const own = r.runs.map((x) => x.ownMs);
    const reached = size.fullCycle
      ? `${r.reached}/${r.total} in ${r.runs.length} runs`
      : `${r.reached} so far`;
    console.log(
      `${String(r.open).padStart(10)} | ${String(r.upstream).padStart(8)} | ${String(r.runs.length).padStart(10)} | ${String(pages).padStart(15)} | ${median(ms).toFixed(0).padStart(7)}, ${Math.max(
        ...ms,
      )
        .toFixed(0)
        .padStart(7)} | ${median(own).toFixed(0).padStart(13)} | ${reached} | ${r.promised}`,
    );
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
