import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record";
import type { DatabaseHandle } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import { backends } from "../support/databases";

/** The message and SQLSTATE of a refused statement (drizzle wraps the driver's error in `cause`). */
async function refusal(statement: Promise<unknown>): Promise<{ message: string; code?: string }> {
  try {
    await statement;
  } catch (error) {
    const cause = ((error as { cause?: unknown }).cause ?? error) as { message: string; code?: string };
    return { message: cause.message, code: cause.code };
  }
  throw new Error("the statement was expected to fail, and it succeeded");
}

describe.each(backends)("audit_log is append-only on $name", (backend) => {
  let database: DatabaseHandle;
  const count = async () =>
    (await database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]?.n;

  beforeAll(async () => {
    database = await backend.open();
    for (const action of ["user.signed_in", "export.sends"] as const) {
      await recordAudit(database.db, {
        actor: { id: null, email: "admin@giftdesk.test" },
        action,
        target: { type: "user" },
        after: { note: "original" },
      });
    }
  });
  afterAll(async () => {
    await database?.close();
  });

  it("refuses UPDATE, whatever the statement", async () => {
    const failed = await refusal(database.db.update(auditLog).set({ action: "export.audit_log" }));
    expect(failed.message).toMatch(/append-only: UPDATE refused/);
    expect(failed.code).toBe("42501");
    await refusal(database.db.execute(sql`update audit_log set after = '{}'::jsonb where id = 1`));
    const rows = await database.db.select().from(auditLog);
    expect(rows.map((r) => r.after)).toEqual([{ note: "original" }, { note: "original" }]);
  });

  it("refuses DELETE and TRUNCATE", async () => {
    expect((await refusal(database.db.delete(auditLog))).message).toMatch(/DELETE refused/);
    expect((await refusal(database.db.execute(sql`delete from audit_log where id = 2`))).message).toMatch(
      /DELETE refused/,
    );
    expect((await refusal(database.db.execute(sql`truncate audit_log`))).message).toMatch(/TRUNCATE refused/);
    expect(await count()).toBe(2);
  });

  it("still takes new entries", async () => {
    await recordAudit(database.db, {
      actor: null,
      action: "export.audit_log",
      target: { type: "audit_log" },
    });
    expect(await count()).toBe(3);
  });

  // Roles are per server, not per database: PostgreSQL only (PGlite has a single user).
  if (backend.name !== "postgres") return;
  it("a role granted only INSERT and SELECT gets permission denied on UPDATE, DELETE and TRUNCATE", async () => {
    const role = `giftdesk_app_${randomBytes(4).toString("hex")}`;
    const db = database.db;
    await db.execute(sql.raw(`create role ${role} nologin`));
    try {
      await db.execute(sql.raw(`grant insert, select on audit_log to ${role}`));
      // As the README says to set it up: the app role may append and read, nothing else.
      const asAppRole = (statement: string) =>
        db.transaction(async (tx) => {
          await tx.execute(sql.raw(`set local role ${role}`));
          return tx.execute(sql.raw(statement));
        });
      await asAppRole(`insert into audit_log (action, target_type) values ('export.sends', 'sends')`);
      const read = (await asAppRole("select count(*)::int as n from audit_log")) as { rows: unknown[] };
      expect(read.rows).toEqual([{ n: 4 }]);
      for (const statement of [
        "update audit_log set action = 'x'",
        "delete from audit_log",
        "truncate audit_log",
      ]) {
        const failed = await refusal(asAppRole(statement));
        expect(failed.message).toMatch(/permission denied for table audit_log/);
        expect(failed.code).toBe("42501");
      }
      expect(await count()).toBe(4);
    } finally {
      await db.execute(sql.raw(`drop owned by ${role}`));
      await db.execute(sql.raw(`drop role ${role}`));
    }
  });
});
