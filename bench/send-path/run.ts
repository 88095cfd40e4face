// Send-path benchmark (issue 5): `npx tsx bench/send-path/run.ts`. Needs an existing `.next` build for
// the HTTP path (BENCH_HTTP=0 skips it) and a local PostgreSQL server for the postgres rows.
// Env: BENCH_DATABASE_URL, BENCH_ROUNDS (200), BENCH_WARMUP (30), BENCH_BACKENDS ("postgres,pglite").
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { type DatabaseHandle, openDatabase } from "@/lib/db/client";
import { createDevIdp } from "@/sandbox/idp/server";
import { createSendosoSimulator } from "@/sandbox/sendoso/simulator";
import { createSharedPostgres } from "../../tests/support/postgres-database";
import {
  appUrl,
  connectSendoso,
  freePort,
  type RunningApp,
  signIn,
  snapshotBuild,
  startApp,
} from "./app-server";
import { interleave, type Path, type Summary, summarize, TABLE_HEADER, table } from "./measure";
import { type FormFor, httpPath, inProcessPath, rawPath } from "./paths";
import { committedTransactions, measureSteps, type Step, stepTable } from "./steps";

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 30);
const BACKENDS = (process.env.BENCH_BACKENDS ?? "postgres,pglite").split(",") as ("postgres" | "pglite")[];
const WITH_HTTP = process.env.BENCH_HTTP !== "0";
const UPSTREAM_DELAY_MS = 50;
const STEP_SAMPLES = Number(process.env.BENCH_STEP_SAMPLES ?? 30);
/** PostgreSQL publishes a backend's counters within about 10 s of it going idle. */
const STATS_SETTLE_MS = 11_000;
const run = randomBytes(3).toString("hex");

const form: FormFor = (tag, i) => ({
  sendType: "address_collection",
  idempotencyKey: crypto.randomUUID(),
  touchId: 1001,
  recipientName: "Bea Bench",
  recipientEmail: `bench.${run}.${tag}.${i}@example.com`,
  customMessage: "Thanks for your time, {first_name}!",
});

/** All paths for one backend, side by side in one interleaved run. */
type BackendResult = { summaries: Summary[]; steps: Step[]; httpCommits: number | null };

async function measureBackend(
  backend: "postgres" | "pglite",
  env: { port: number; simUrl: string; idpUrl: string; buildDir: string | null },
): Promise<BackendResult> {
  // The tests' setup: a fresh database on a local server only, its URL shared with the app process.
  const shared = backend === "postgres" ? await createSharedPostgres(ADMIN_URL) : null;
  const databaseUrl = shared?.url;
  let app: RunningApp | null = null;
  let handle: DatabaseHandle | null = null;
  let dispose = async () => {};
  try {
    const paths: Path[] = [rawPath(env.simUrl, form)];
    if (env.buildDir) {
      app = await startApp(env.buildDir, { ...env, sendosoUrl: env.simUrl, databaseUrl });
      const browser = await signIn(app, "rep@giftdesk.test", "giftdesk");
      await connectSendoso(browser, app, env.simUrl);
      paths.push(httpPath(app, browser, form));
    }
    // PostgreSQL: the app's database, shared. PGlite: an in-memory one (the app's folder is locked).
    handle = await openDatabase(databaseUrl ? { kind: "postgres", url: databaseUrl } : { kind: "pglite" });
    const inProcess = await inProcessPath(handle.db, env.simUrl, form);
    dispose = inProcess.dispose;
    paths.push(inProcess.path);
    const samples = await interleave(paths, ROUNDS, WARMUP);
    const summaries = paths.map((p, i) => summarize(p.label, samples[i] as number[]));
    const next = (WARMUP + ROUNDS) * paths.length;
    // The breakdown needs node-postgres in this process; PGlite runs in-process without round trips.
    const steps = databaseUrl ? await measureSteps(inProcess.path, STEP_SAMPLES, next) : [];
    let httpCommits: number | null = null;
    const http = paths.find((p) => p.label.startsWith("server action"));
    if (databaseUrl && http) {
      await new Promise((r) => setTimeout(r, STATS_SETTLE_MS));
      const before = await committedTransactions(databaseUrl);
      for (let i = 0; i < STEP_SAMPLES; i++) await http.send(next + STEP_SAMPLES + i);
      await new Promise((r) => setTimeout(r, STATS_SETTLE_MS));
      // Minus this reader's own two statements.
      httpCommits = (await committedTransactions(databaseUrl)) - before - 2;
      httpCommits /= STEP_SAMPLES;
    }
    return { summaries, steps, httpCommits };
  } finally {
    await dispose();
    await app?.stop();
    await handle?.close();
    await shared?.drop();
  }
}

async function main() {
  const ports = Object.fromEntries(
    await Promise.all(BACKENDS.map(async (b) => [b, await freePort()] as const)),
  );
  const redirects = (suffix: string) => Object.values(ports).map((p) => `${appUrl(p)}${suffix}`);
  // Sendoso answers every send after a fixed 50 ms and never throttles: the upstream cost is constant.
  const sim = createSendosoSimulator({
    rateLimit: false,
    redirectUris: redirects("/api/sendoso/oauth/callback"),
  });
  const simUrl = await sim.listen(0);
  await fetch(`${simUrl}/__sandbox/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      match: { method: "POST", path: "/api/v3/send" },
      fault: { type: "delay", ms: UPSTREAM_DELAY_MS },
      times: 1_000_000,
    }),
  });
  const idp = createDevIdp({ redirectUris: redirects("/api/auth/callback/oidc") });
  const idpUrl = await idp.listen(0);
  const buildDir = WITH_HTTP ? snapshotBuild() : null;
  const results: Record<string, BackendResult> = {};
  try {
    for (const backend of BACKENDS)
      results[backend] = await measureBackend(backend, {
        port: ports[backend] as number,
        simUrl,
        idpUrl,
        buildDir,
      });
  } finally {
    if (buildDir) rmSync(buildDir, { recursive: true, force: true });
    await Promise.all([sim.close(), idp.close()]);
  }

  console.log(
    `\nSend path: ${ROUNDS} sends per path (after ${WARMUP} warm-up rounds), interleaved round by round;` +
      ` the simulator answers POST /send after ${UPSTREAM_DELAY_MS} ms and never throttles.` +
      " × and + compare each path with the raw POST of the same backend.\n",
  );
  console.log(TABLE_HEADER);
  for (const [backend, { summaries }] of Object.entries(results))
    for (const line of table(backend, summaries)) console.log(line);
  console.log(
    "\nserver action over HTTP: sign-in through the dev IdP, own Sendoso connection, sendGift posted with" +
      " Next-Action like the browser. submitSend in-process: no HTTP, session, permission or per-user rate" +
      " limit; on PGlite an in-memory database in this process.",
  );
  const pg = results.postgres;
  if (pg && pg.steps.length > 0) {
    console.log(
      `\nOne in-process send on PostgreSQL, step by step (median of ${STEP_SAMPLES} sends; one query = one` +
        " round trip from this process; a transaction or a lone write is one commit):\n",
    );
    for (const line of stepTable(pg.steps)) console.log(line);
  }
  if (pg?.httpCommits != null)
    console.log(
      `\nserver action over HTTP: ${pg.httpCommits.toFixed(1)} PostgreSQL transactions per send` +
        " (pg_stat_database.xact_commit; each statement outside a transaction counts as one).",
    );
  const pgRows = pg?.summaries;
  const target = pgRows?.find((s) => s.label.startsWith("server action")) ?? pgRows?.[1];
  if (pgRows?.[0] && target) {
    const ratio = target.p50 / pgRows[0].p50;
    const overhead = target.p50 - pgRows[0].p50;
    const verdict = ratio <= 1.1 && overhead <= 5 ? "MET" : "NOT MET";
    console.log(
      `Target (PostgreSQL, p50, ${target.label}): ratio ${ratio.toFixed(3)} ≤ 1.10 and overhead ` +
        `${overhead.toFixed(1)} ms ≤ 5 ms → ${verdict}`,
    );
    console.log(`ratio p50 ${ratio.toFixed(3)}`);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
