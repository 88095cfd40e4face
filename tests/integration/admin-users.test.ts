import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { suspendUser } from "@/lib/auth/user-admin";
import type { DatabaseHandle } from "@/lib/db/client";
import { sends } from "@/lib/db/schema";
import { listUsersForAdmin } from "@/lib/users/admin-users";
import { usersCsvStream } from "@/lib/users/export";
import { auditWatcher } from "../support/audit-entries";
import { backends } from "../support/databases";
import { parseCsv } from "../support/parse-csv";
import { makeUser } from "../support/users";
import { minutes, sendRow } from "./history-seed";

const NOW = minutes(60);

describe.each(backends)("/admin/users data on $name", (backend) => {
  let database: DatabaseHandle;
  const audit = auditWatcher(() => database.db);
  const cast = {} as Record<"admin" | "manager" | "rep" | "odd", Awaited<ReturnType<typeof makeUser>>>;

  beforeAll(async () => {
    database = await backend.open();
    const db = database.db;
    cast.admin = await makeUser(db, "ada", "admin", null, "Ada Admin");
    cast.manager = await makeUser(db, "mo", "manager", "a", "Mo Manager");
    cast.rep = await makeUser(db, "riley", "rep", "a", "Riley Rep");
    cast.odd = await makeUser(db, "pct_100", "rep", "b", "Percent Person");
    // Two sends this month for riley, one last month (not counted).
    await db
      .insert(sends)
      .values([sendRow(cast.rep, 0), sendRow(cast.rep, 1), sendRow(cast.rep, -60 * 24 * 40)]);
    await suspendUser(db, cast.admin, cast.odd.id);
  });
  afterAll(async () => {
    await database?.close();
  });

  const list = (filters = {}, caller = cast.admin) =>
    listUsersForAdmin(database.db, caller, filters, { limit: 50 }, NOW);

  it("lists everyone by email with role, team, source, Sendoso state and this month's sends", async () => {
    const rows = await list();
    expect(rows.map((r) => r.email)).toEqual([
      "ada@giftdesk.test",
      "mo@giftdesk.test",
      "pct_100@giftdesk.test",
      "riley@giftdesk.test",
    ]);
    expect(rows.find((r) => r.email === "riley@giftdesk.test")).toMatchObject({
      role: "rep",
      team: "a",
      roleSource: "idp",
      sendoso: "not_connected",
      sendsThisPeriod: 2,
      suspendedAt: null,
    });
  });

  it("filters by role, team, state and source, and searches names and emails literally", async () => {
    expect((await list({ role: "manager" })).map((r) => r.email)).toEqual(["mo@giftdesk.test"]);
    expect((await list({ team: "a" })).map((r) => r.email)).toEqual([
      "mo@giftdesk.test",
      "riley@giftdesk.test",
    ]);
    expect((await list({ state: "suspended" })).map((r) => r.email)).toEqual(["pct_100@giftdesk.test"]);
    expect((await list({ state: "active" })).length).toBe(3);
    expect((await list({ source: "admin" })).length).toBe(0);
    expect((await list({ q: "RILEY" })).map((r) => r.email)).toEqual(["riley@giftdesk.test"]);
    expect((await list({ q: "rep" })).map((r) => r.email)).toEqual(["riley@giftdesk.test"]);
    // "_" and "%" are characters, not wildcards.
    expect((await list({ q: "p_t" })).length).toBe(0);
    expect((await list({ q: "t_1" })).map((r) => r.email)).toEqual(["pct_100@giftdesk.test"]);
    expect((await list({ q: "%" })).length).toBe(0);
  });

  it("gives a manager or rep nothing", async () => {
    expect(await list({}, cast.manager)).toEqual([]);
    expect(await list({}, cast.rep)).toEqual([]);
  });

  it("exports the filtered users as CSV and audits the export", async () => {
    await audit.mark();
    const csv = await new Response(
      usersCsvStream(database.db, cast.admin, { team: "a" }, "req-users-export"),
    ).text();
    const [header, ...rows] = parseCsv(csv);
    expect(header?.slice(0, 6)).toEqual(["Email", "Name", "Role", "Team", "Role source", "State"]);
    expect(rows.map((r) => r[0])).toEqual(["mo@giftdesk.test", "riley@giftdesk.test"]);
    expect((await audit.since()).map((e) => [e.action, e.actorId, e.after, e.requestId])).toEqual([
      [
        "export.users",
        cast.admin.id,
        { filters: { team: "a" }, rows: 2, complete: true },
        "req-users-export",
      ],
    ]);
  });
});
