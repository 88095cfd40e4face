#!/usr/bin/env node
// `npm test`: typecheck, lint, unit + integration (Vitest), build, e2e (Playwright).
// Runs every step, prints each runner's own output, and ends with one plain "N passed, N failed" line.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { postgresGuard } from "./postgres-guard.mjs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" };
const bin = (name) => `node_modules/.bin/${name}`;
const totals = { passed: 0, failed: 0 };
const summary = [];

function run(label, command, args, extraEnv = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: result.status === 0, seconds };
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

/** A step that is not a test runner counts as one check. */
function check(label, command, args) {
  const { ok, seconds } = run(label, command, args);
  totals[ok ? "passed" : "failed"] += 1;
  summary.push(`${label}: ${ok ? "ok" : "FAILED"} (${seconds}s)`);
  return ok;
}

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(
    `Browser tests need Chromium at ${chromium}: apt-get install -y chromium (or set CHROMIUM_PATH).`,
  );
}

const guard = postgresGuard(process.env);
if (guard.message) console.error(guard.message);
if (guard.fail) {
  totals.failed += 1;
  summary.push("postgres: FAILED (TEST_DATABASE_URL unset in CI)");
}

mkdirSync("test-results", { recursive: true });
// Route types left by an earlier `next dev` can name pages that have since moved; they are regenerated.
rmSync(".next/dev/types", { recursive: true, force: true });

check("typecheck", "npm", ["run", "--silent", "typecheck"]);
check("lint", bin("biome"), ["ci", "."]);

rmSync("test-results/vitest-results.json", { force: true });
const vitest = run("unit + integration", bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  "--outputFile.json=test-results/vitest-results.json",
]);
const v = readJson("test-results/vitest-results.json");
const vPassed = v?.numPassedTests ?? 0;
const vFailed = (v?.numFailedTests ?? 0) + (v ? 0 : 1) + (vitest.ok || v?.numFailedTests ? 0 : 1);
totals.passed += vPassed;
totals.failed += vFailed;
summary.push(`vitest: ${vPassed} passed, ${vFailed} failed (${vitest.seconds}s)`);

if (check("build", bin("next"), ["build"])) {
  rmSync("test-results/e2e-results.json", { force: true });
  const e2e = run("e2e", bin("playwright"), ["test"], { E2E_SKIP_BUILD: "1" });
  const p = existsSync("test-results/e2e-results.json") ? readJson("test-results/e2e-results.json") : null;
  const pPassed = (p?.stats?.expected ?? 0) + (p?.stats?.flaky ?? 0);
  const pFailed = (p?.stats?.unexpected ?? 0) + (p ? 0 : 1) + (e2e.ok || p?.stats?.unexpected ? 0 : 1);
  totals.passed += pPassed;
  totals.failed += pFailed;
  summary.push(`playwright: ${pPassed} passed, ${pFailed} failed (${e2e.seconds}s)`);
} else {
  totals.failed += 1;
  summary.push("playwright: not run (build failed)");
}

console.log(`\n${summary.join("\n")}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
