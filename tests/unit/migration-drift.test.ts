import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The committed migrations must be exactly what drizzle-kit generates from lib/db/tables/*: a schema
 * edit without `npm run db:generate` would otherwise ship a release whose tables differ from its code.
 * drizzle-kit compares the schema with the newest snapshot and writes a new migration on any difference,
 * so on a copy of the folder "nothing written" means "no drift".
 */
const committed = path.join(process.cwd(), "lib/db/migrations");
const scratch = mkdtempSync(path.join(tmpdir(), "giftdesk-drift-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function listing(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, full)] = readFileSync(full, "utf8");
  }
  return files;
}

describe("migrations", () => {
  it("match what drizzle-kit generates from the schema (no drift)", () => {
    const copy = path.join(scratch, "migrations");
    cpSync(committed, copy, { recursive: true });
    // drizzle-kit resolves --out against the working directory, so it must be relative.
    const output = execFileSync(
      "node_modules/.bin/drizzle-kit",
      [
        "generate",
        "--dialect=postgresql",
        "--schema=./lib/db/schema.ts",
        `--out=${path.relative(process.cwd(), copy)}`,
      ],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 },
    );
    const generated = Object.keys(listing(copy)).filter((f) => !(f in listing(committed)));
    expect(generated, `schema changed without a migration; run npm run db:generate\n${output}`).toEqual([]);
    expect(listing(copy)).toEqual(listing(committed));
  });
});
