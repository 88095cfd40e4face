import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * scripts/dependency-audit.mjs against a stand-in `npm` first on PATH that answers `audit` with a given
 * report and `sbom` with a tiny CycloneDX document, so every verdict is exercised without the registry.
 */
function runWithAuditReport(report: unknown) {
  const bin = mkdtempSync(path.join(tmpdir(), "giftdesk-npm-"));
  const cwd = mkdtempSync(path.join(tmpdir(), "giftdesk-audit-"));
  writeFileSync(path.join(bin, "report.json"), JSON.stringify(report));
  writeFileSync(
    path.join(bin, "npm"),
    `#!/bin/sh\nif [ "$1" = audit ]; then cat "${bin}/report.json"; exit 1; fi\necho '{"bomFormat":"CycloneDX","components":[{"name":"pg"}]}'\n`,
  );
  chmodSync(path.join(bin, "npm"), 0o755);
  const run = spawnSync(process.execPath, [path.resolve("scripts/dependency-audit.mjs")], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
  });
  return { code: run.status, out: run.stdout, cwd };
}

const counts = (high: number, critical = 0) => ({
  metadata: { vulnerabilities: { info: 0, low: 1, moderate: 2, high, critical, total: 3 + high + critical } },
  vulnerabilities: high ? { "bad-lib": { severity: "high", range: "<1.2.3" } } : {},
});

describe("dependency audit in CI", () => {
  it("fails on a high vulnerability in a runtime dependency, naming it", () => {
    const { code, out } = runWithAuditReport(counts(1));
    expect(code).toBe(1);
    expect(out).toContain("high: bad-lib <1.2.3");
    expect(out).toContain("FAILED");
  });

  it("fails on a critical one too", () => {
    expect(runWithAuditReport(counts(0, 1)).code).toBe(1);
  });

  it("passes with only low/moderate findings and writes the SBOM", () => {
    const { code, out, cwd } = runWithAuditReport(counts(0));
    expect(code).toBe(0);
    expect(out).toContain("1 low, 2 moderate, 0 high, 0 critical");
    expect(JSON.parse(readFileSync(path.join(cwd, "test-results/sbom.cdx.json"), "utf8")).bomFormat).toBe(
      "CycloneDX",
    );
  });

  it("says loudly, without failing, when the registry has no audit endpoint", () => {
    const { code, out } = runWithAuditReport({ message: "405 Method Not Allowed", statusCode: 405 });
    expect(code).toBe(0);
    expect(out).toContain("NOT RUN");
  });
});
