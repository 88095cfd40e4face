import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * No code path alters the audit log: no Drizzle update/delete of `auditLog`, no raw UPDATE, DELETE or
 * TRUNCATE of `audit_log`, anywhere in app/ or lib/. (The database trigger refuses them anyway; this
 * keeps anyone from writing code that would only fail in production.)
 */
const FORBIDDEN: [string, RegExp][] = [
  ["Drizzle update(auditLog)", /\bupdate\(\s*auditLog\b/],
  ["Drizzle delete(auditLog)", /\bdelete\(\s*auditLog\b/],
  ["raw UPDATE audit_log", /\bupdate\s+(only\s+)?["'`]?audit_log\b/i],
  ["raw DELETE FROM audit_log", /\bdelete\s+from\s+(only\s+)?["'`]?audit_log\b/i],
  ["raw TRUNCATE audit_log", /\btruncate\s+(table\s+)?(only\s+)?["'`]?audit_log\b/i],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.(ts|tsx|js|mjs)$/.test(entry.name) ? [full] : [];
  });
}

function findAlterations(text: string): string[] {
  return FORBIDDEN.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

describe("the audit log has no update or delete path", () => {
  it("finds none in app/ or lib/", () => {
    const files = [...sourceFiles("app"), ...sourceFiles("lib")];
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) =>
      findAlterations(readFileSync(file, "utf8")).map((what) => `${file}: ${what}`),
    );
    expect(found).toEqual([]);
  });

  it.each([
    ["await tx.update(auditLog).set({ action: 'x' })", "Drizzle update(auditLog)"],
    ["db.delete( auditLog ).where(...)", "Drizzle delete(auditLog)"],
    ['sql`UPDATE "audit_log" SET after = null`', "raw UPDATE audit_log"],
    ["sql`delete from audit_log where id = 1`", "raw DELETE FROM audit_log"],
    ["sql`truncate table audit_log`", "raw TRUNCATE audit_log"],
  ])("would catch %s", (code, what) => {
    expect(findAlterations(code)).toEqual([what]);
  });

  it("leaves the one writer alone", () => {
    expect(findAlterations(readFileSync("lib/audit/record.ts", "utf8"))).toEqual([]);
    expect(findAlterations("await db.insert(auditLog).values(entry)")).toEqual([]);
  });
});
