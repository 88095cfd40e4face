import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AuditCursor } from "@/lib/audit/cursor";
import { AUDIT_EXPORT_COLUMNS, auditLogCsvStream } from "@/lib/audit/export";
import type { AuditFilters } from "@/lib/audit/filters";
import { AuditAccessDenied, listAuditEntries } from "@/lib/audit/queries";
import type { DatabaseHandle } from "@/lib/db/client";
import { type AuditEntry, auditLog } from "@/lib/db/schema";
import { auditWatcher } from "../support/audit-entries";
import { backends } from "../support/databases";
import { parseCsv } from "../support/parse-csv";

const ADMIN = {
  id: "00000000-0000-4000-8000-0000000000ad",
  email: "admin@giftdesk.test",
  role: "admin" as const,
};
const BASE = Date.parse("2026-11-01T12:00:00Z");
const ACTORS = ["rep@giftdesk.test", "Manager@GiftDesk.test", "odd_100%@giftdesk.test", null];
const ACTIONS = ["user.signed_in", "send.marked_not_sent", "export.sends"] as const;

/** 60 entries over five days; every fourth shares its time with the one before (keyset ties). */
function seedRows() {
  return Array.from({ length: 60 }, (_, i) => ({
    at: new Date(BASE + (i - (i % 4 === 3 ? 1 : 0)) * 2 * 3_600_000),
    actorEmail: ACTORS[i % ACTORS.length] ?? null,
    action: ACTIONS[i % ACTIONS.length] as string,
    targetType: i % 2 ? "send" : "user",
    targetId: `t${i % 5}`,
    after: { n: i },
  }));
}

describe.each(backends)("audit log queries and export on $name", (backend) => {
  let database: DatabaseHandle;
  let all: AuditEntry[];
  const audit = auditWatcher(() => database.db);

  beforeAll(async () => {
    database = await backend.open();
    await database.db.insert(auditLog).values(seedRows());
    // A value someone typed that a spreadsheet would run.
    await database.db.insert(auditLog).values({
      at: new Date(BASE - 3_600_000),
      actorEmail: '=HYPERLINK("http://evil")',
      action: "user.sign_in_refused",
      targetType: "user",
      targetId: "+1",
      after: { reason: "@SUM(A1)" },
    });
    all = await database.db.select().from(auditLog);
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(() => audit.mark());

  const newestFirst = (rows: AuditEntry[]) =>
    [...rows].sort((a, b) => b.at.getTime() - a.at.getTime() || b.id - a.id).map((r) => r.id);

  /** Walks every keyset page; fails if a row shows up twice. */
  async function walk(filters: AuditFilters, limit: number) {
    const ids: number[] = [];
    let after: AuditCursor | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const { rows, next } = await listAuditEntries(database.db, ADMIN, { limit, after, filters });
      expect(rows.length).toBeLessThanOrEqual(limit);
      ids.push(...rows.map((r) => r.id));
      if (!next) break;
      after = next;
    }
    expect(new Set(ids).size).toBe(ids.length);
    return ids;
  }

  const inUtcDay = (e: AuditEntry, from: string, to: string) =>
    e.at >= new Date(`${from}T00:00:00Z`) && e.at < new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000);
  const cases: [string, AuditFilters, (e: AuditEntry) => boolean][] = [
    ["no filter", {}, () => true],
    ["actor, any case", { actor: "manager@giftdesk" }, (e) => e.actorEmail === "Manager@GiftDesk.test"],
    [
      "actor with % and _ taken literally",
      { actor: "_100%" },
      (e) => e.actorEmail === "odd_100%@giftdesk.test",
    ],
    ["action", { action: "send.marked_not_sent" }, (e) => e.action === "send.marked_not_sent"],
    ["target", { targetType: "send", targetId: "t3" }, (e) => e.targetType === "send" && e.targetId === "t3"],
    ["UTC days", { from: "2026-11-02", to: "2026-11-03" }, (e) => inUtcDay(e, "2026-11-02", "2026-11-03")],
    [
      "days in New York (EST from 1 November)",
      { from: "2026-11-02", to: "2026-11-02", tz: "America/New_York" },
      (e) => e.at >= new Date("2026-11-02T05:00:00Z") && e.at < new Date("2026-11-03T05:00:00Z"),
    ],
    [
      "action and actor",
      { action: "export.sends", actor: "rep@" },
      (e) => e.action === "export.sends" && e.actorEmail === "rep@giftdesk.test",
    ],
  ];

  it.each(cases)(
    "pages visit every row matching %s exactly once, newest first",
    async (_l, filters, keep) => {
      const expected = newestFirst(all.filter(keep));
      expect(expected.length).toBeGreaterThan(0);
      for (const limit of [1, 7, 100]) expect(await walk(filters, limit)).toEqual(expected);
    },
  );

  it("is for admins only", async () => {
    for (const role of ["rep", "manager"] as const) {
      await expect(listAuditEntries(database.db, { role }, { limit: 10 })).rejects.toThrow(AuditAccessDenied);
    }
  });

  it("exports exactly the filtered list, formula cells neutralised, and records the export once", async () => {
    const filters: AuditFilters = { targetType: "user" };
    const stream = auditLogCsvStream(database.db, ADMIN, filters, "req-audit-export", 4);
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...records] = parseCsv(new TextDecoder().decode(bytes));
    expect(header).toEqual(AUDIT_EXPORT_COLUMNS.map(([h]) => h));
    const expected = newestFirst(all.filter((e) => e.targetType === "user"));
    expect(records.map((r) => Number(r.at(-1)))).toEqual(expected);
    const evil = records.find((r) => r[3] === "user.sign_in_refused");
    expect(evil?.[1]).toBe(`'=HYPERLINK("http://evil")`);
    expect(evil?.[5]).toBe("'+1");
    expect(JSON.parse(evil?.[7] ?? "")).toEqual({ reason: "@SUM(A1)" });
    const written = await audit.since();
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({
      actorId: ADMIN.id,
      actorEmail: ADMIN.email,
      action: "export.audit_log",
      targetType: "audit_log",
      after: { filters, rows: expected.length, complete: true },
      requestId: "req-audit-export",
    });
  });
});
