// History benchmark (issue 6): `npx tsx bench/history/run.ts`. Creates and drops its own database on the
// PostgreSQL server at BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase } from "@/lib/db/client";
import { createSharedPostgres } from "../../tests/support/postgres-database";
import { historyCases, type Timing, time } from "./measure";
import { seedSends, seedUsers, surnameOf } from "./seed";

// A dev script, like tests/support/databases.ts: its own setting, not the app's configuration.
const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const SMALL = 10_000;
// An optional argument lowers the large size for a quick try (`… run.ts 50000`).
const LARGE = Number(process.argv[2] ?? 1_000_000);
const CHUNK = 100_000;

function exportRun(url: string, from: string, to: string) {
  const out = execFileSync(
    path.join("node_modules", ".bin", "tsx"),
    [path.join("bench", "history", "export-child.ts"), url, from, to],
    { encoding: "utf8" },
  );
  return JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as {
    rows: number;
    ms: number;
    peakRssMb: number;
  };
}

const fmt = (n: number) => n.toFixed(1).padStart(7);

async function main() {
  // The tests' setup: a fresh database on a local server only, dropped at the end.
  const shared = await createSharedPostgres(adminUrl);
  const handle = await openDatabase({ kind: "postgres", url: shared.url });
  const db = handle.db;
  try {
    await seedUsers(db);
    const surname = await surnameOf(db, 4242);
    const results: Record<string, Timing>[] = [];
    let seeded = 0;
    for (const target of [SMALL, LARGE]) {
      const started = performance.now();
      while (seeded < target) {
        const next = Math.min(target, seeded + CHUNK);
        await seedSends(db, seeded, next - 1);
        seeded = next;
      }
      await db.execute(sql`vacuum analyze sends`);
      console.log(
        `seeded ${target.toLocaleString("en")} sends in ${((performance.now() - started) / 1000).toFixed(0)} s`,
      );
      const timings: Record<string, Timing> = {};
      for (const c of await historyCases(db, target, surname)) {
        // Case names carry the row count for the deep page; key by position-independent label.
        timings[c.name.replace(/\(row \d+\)/, "(middle row)")] = await time(c.run);
      }
      results.push(timings);
    }

    const [small, large] = results as [Record<string, Timing>, Record<string, Timing>];
    console.log(`\nserver time of one page of 50 (ms), ${40} runs each after warm-up`);
    const big = LARGE >= 1_000_000 ? `${LARGE / 1_000_000}M` : `${LARGE / 1000}k`;
    console.log(
      `${"case".padEnd(40)} ${"10k p50".padStart(7)} ${"10k p95".padStart(7)} ${`${big} p50`.padStart(7)} ${`${big} p95`.padStart(7)}  ratio p95`,
    );
    for (const key of Object.keys(large)) {
      const s = small[key] as Timing;
      const l = large[key] as Timing;
      console.log(
        `${key.padEnd(40)} ${fmt(s.p50)} ${fmt(s.p95)} ${fmt(l.p50)} ${fmt(l.p95)}  ${(l.p95 / s.p95).toFixed(2).padStart(9)}`,
      );
    }

    console.log("\nCSV export (separate process; peak RSS of that process)");
    for (const [from, to] of [
      ["2026-10-25", "2026-10-31"],
      ["2026-08-20", "2026-10-31"],
    ] as const) {
      const r = exportRun(shared.url, from, to);
      console.log(
        `${r.rows.toLocaleString("en").padStart(9)} rows  ${(r.ms / 1000).toFixed(2)} s  peak RSS ${r.peakRssMb.toFixed(0)} MB`,
      );
    }
  } finally {
    await handle.close();
    await shared.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
