import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { type NewSend, sends, type User } from "@/lib/db/schema";
import { listSends } from "@/lib/sends/history";
import { sendScopeFor } from "@/lib/sends/scope";
import { backends } from "../support/databases";
import { makeUser } from "../support/users";

describe.each(backends)("history queries on $name", (backend) => {
  let database: DatabaseHandle;
  let repA: User;
  let repB: User;
  let managerA: User;
  let admin: User;

  beforeAll(async () => {
    database = await backend.open();
    const user = (key: string, role: User["role"], team: string | null) =>
      makeUser(database.db, key, role, team);
    [repA, repB, managerA, admin] = await Promise.all([
      user("rep-a", "rep", "a"),
      user("rep-b", "rep", "b"),
      user("manager-a", "manager", "a"),
      user("admin", "admin", null),
    ]);
    const base = Date.parse("2026-11-01T09:00:00Z");
    const rows: NewSend[] = [];
    // 30 sends each for two reps; five share one timestamp to exercise the (created_at, id) tie-break.
    for (const [rep, offset] of [
      [repA, 0],
      [repB, 1],
    ] as const) {
      for (let i = 0; i < 30; i++) {
        rows.push({
          senderId: rep.id,
          team: rep.team,
          idempotencyKey: crypto.randomUUID(),
          fingerprint: "f",
          sendType: "address_collection",
          touchId: 1001,
          touchName: "Coffee for two",
          recipientEmail: `r${i}@example.com`,
          requestBody: {},
          state: "sent",
          createdAt: new Date(base + (i < 5 ? 0 : i * 60_000) + offset),
        });
      }
    }
    await database.db.insert(sends).values(rows);
  });
  afterAll(async () => {
    await database?.close();
  });

  async function walk(user: User, pageSize: number) {
    const seen: string[] = [];
    let after: Parameters<typeof listSends>[2]["after"];
    for (let page = 0; page < 100; page++) {
      const { rows, next } = await listSends(database.db, sendScopeFor(user), { limit: pageSize, after });
      seen.push(...rows.map((r) => r.id));
      if (!next) break;
      after = next;
    }
    return seen;
  }

  it("shows a rep only their own sends, newest first", async () => {
    const { rows } = await listSends(database.db, sendScopeFor(repA), { limit: 100 });
    expect(rows).toHaveLength(30);
    expect(rows.every((r) => r.senderName === "rep-a")).toBe(true);
    const times = rows.map((r) => r.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("shows a manager their team and an admin everyone", async () => {
    expect((await listSends(database.db, sendScopeFor(managerA), { limit: 100 })).rows).toHaveLength(30);
    expect((await listSends(database.db, sendScopeFor(admin), { limit: 100 })).rows).toHaveLength(60);
  });

  it("visits every row exactly once across keyset pages, ties included", async () => {
    const ids = await walk(admin, 7);
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
  });

  it("visits every existing row once while new sends keep arriving between pages", async () => {
    const before = await walk(admin, 1000);
    const seen: string[] = [];
    let after: Parameters<typeof listSends>[2]["after"];
    for (let page = 0; page < 100; page++) {
      // A rep sends between every page (newest first: new rows sort ahead of the cursor).
      await database.db.insert(sends).values({
        senderId: repA.id,
        team: repA.team,
        idempotencyKey: crypto.randomUUID(),
        fingerprint: "f",
        sendType: "address_collection",
        touchId: 1001,
        touchName: "Coffee for two",
        recipientEmail: `new${page}@example.com`,
        requestBody: {},
      });
      const { rows, next } = await listSends(database.db, sendScopeFor(admin), { limit: 9, after });
      seen.push(...rows.map((r) => r.id));
      if (!next) break;
      after = next;
    }
    const fromBefore = seen.filter((id) => before.includes(id));
    expect(fromBefore).toEqual(before);
    expect(new Set(seen).size).toBe(seen.length);
  });
});
