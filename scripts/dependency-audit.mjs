// CI's dependency hygiene (.ci/run): `npm audit --omit=dev --audit-level=high` fails the build on a known
// high or critical vulnerability in a runtime dependency, and `npm sbom` writes a CycloneDX SBOM of the
// runtime dependencies to test-results/sbom.cdx.json as a build artefact.
// Where the registry offers no audit endpoint (a mirror or proxy that answers the bulk advisory POST with
// an error), the audit cannot run at all: that is reported loudly but does not fail CI, since it says
// nothing about the dependencies. A report that does list high/critical advisories always fails.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";

const npm = (args) =>
  spawnSync("npm", args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });

function audit() {
  const run = npm(["audit", "--omit=dev", "--audit-level=high", "--json"]);
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    report = null;
  }
  const counts = report?.metadata?.vulnerabilities;
  if (!counts) {
    const why = report?.message ?? (run.stderr.trim().split("\n").pop() || `exit ${run.status}`);
    console.log(`dependency audit: NOT RUN, the registry's audit endpoint did not answer (${why}).`);
    console.log(
      "dependency audit: run `npm audit --omit=dev --audit-level=high` where the public registry is reachable.",
    );
    return true;
  }
  const high = (counts.high ?? 0) + (counts.critical ?? 0);
  const summary = Object.entries(counts)
    .filter(([level]) => level !== "total")
    .map(([level, n]) => `${n} ${level}`)
    .join(", ");
  console.log(`dependency audit (runtime dependencies): ${summary}`);
  if (high > 0) {
    for (const [name, v] of Object.entries(report.vulnerabilities ?? {})) {
      if (v.severity === "high" || v.severity === "critical")
        console.log(`  ${v.severity}: ${name} ${v.range ?? ""}`);
    }
    console.log(
      "dependency audit: FAILED, a runtime dependency has a known high/critical vulnerability (npm audit fix, or pin a fixed version).",
    );
    return false;
  }
  return true;
}

function sbom() {
  const run = npm(["sbom", "--omit=dev", "--sbom-format=cyclonedx"]);
  if (run.status !== 0) {
    console.log(`sbom: FAILED (${run.stderr.trim().split("\n").pop()})`);
    return false;
  }
  mkdirSync("test-results", { recursive: true });
  writeFileSync("test-results/sbom.cdx.json", run.stdout);
  const components = JSON.parse(run.stdout).components?.length ?? 0;
  console.log(`sbom: test-results/sbom.cdx.json (CycloneDX, ${components} runtime components)`);
  return true;
}

const ok = [audit(), sbom()].every(Boolean);
process.exit(ok ? 0 : 1);
