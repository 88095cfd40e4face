import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import type { User } from "@/lib/db/schema";
import type { HistoryFilters } from "@/lib/sends/filters";
import { listSends } from "@/lib/sends/history";
import { loadFilterOptions } from "@/lib/sends/history-options";
import { sendScopeFor } from "@/lib/sends/scope";
import { backends } from "../support/databases";
import { BASE, type Cast, seedSends, seedUsers } from "./history-seed";

describe.each(backends)("history filters and search on $name", (backend) => {
  let database: DatabaseHandle;
  let c: Cast;

  beforeAll(async () => {
    database = await backend.open();
    c = await seedUsers(database.db);
    await seedSends(database.db, c);
  });
  afterAll(async () => {
    await database?.close();
  });

  /** Minutes after BASE of the matching rows, in the order returned (newest first). */
  async function minutesFor(user: User, filters: HistoryFilters = {}) {
    const { rows } = await listSends(database.db, sendScopeFor(user), { limit: 100, filters });
    return rows.map((r) => (r.createdAt.getTime() - BASE) / 60_000);
  }

  it("scopes rows: rep own, manager team a (with own), admin all", async () => {
    expect(await minutesFor(c.repA)).toEqual([4320, 40, 30, 20, 10, 0]);
    expect(await minutesFor(c.managerA)).toEqual([4320, 50, 40, 35, 30, 25, 20, 15, 10, 5, 0]);
    expect((await minutesFor(c.admin)).sort((a, b) => a - b)).toEqual([
      0, 1, 5, 10, 11, 15, 20, 21, 25, 30, 35, 40, 50, 4320,
    ]);
  });

  it("never widens scope through a filter", async () => {
    expect(await minutesFor(c.repA, { rep: c.repB.id })).toEqual([]);
    expect(await minutesFor(c.repA, { rep: c.repA2.id })).toEqual([]);
    expect(await minutesFor(c.repA, { team: "b" })).toEqual([]);
    expect(await minutesFor(c.managerA, { rep: c.repB.id })).toEqual([]);
    expect(await minutesFor(c.managerA, { team: "b" })).toEqual([]);
    expect(await minutesFor(c.admin, { rep: c.repB.id })).toEqual([21, 11, 1]);
  });

  it("filters by rep, team, state, touch and send type", async () => {
    expect(await minutesFor(c.managerA, { rep: c.repA2.id })).toEqual([35, 25, 15, 5]);
    expect(await minutesFor(c.admin, { team: "b" })).toEqual([21, 11, 1]);
    expect(await minutesFor(c.admin, { state: "unknown" })).toEqual([11, 10]);
    expect(await minutesFor(c.admin, { touch: 2002 })).toEqual([50, 30, 25]);
    expect(await minutesFor(c.admin, { type: "egift" })).toEqual([4320]);
    expect(await minutesFor(c.admin, { type: "known_address", team: "a" })).toEqual([50]);
  });

  it("filters by status bucket, our state first, then Sendoso's", async () => {
    const bucket = (b: HistoryFilters["bucket"]) => minutesFor(c.admin, { bucket: b });
    expect(await bucket("pending")).toEqual([50, 35, 15, 1, 0]);
    expect(await bucket("unknown")).toEqual([11, 10]);
    expect(await bucket("waiting_on_recipient")).toEqual([20]);
    expect(await bucket("shipped")).toEqual([30]);
    expect(await bucket("delivered")).toEqual([4320]);
    expect(await bucket("on_hold")).toEqual([5]);
    expect(await bucket("closed_without_gift")).toEqual([40, 21]);
    expect(await bucket("other")).toEqual([25]);
    expect(await bucket("in_fulfilment")).toEqual([]);
  });

  it("filters by whole days in the viewer's time zone", async () => {
    // BASE is 12:00 UTC on Nov 1; minute 4320 is Nov 4.
    expect(await minutesFor(c.repA, { from: "2026-11-02" })).toEqual([4320]);
    expect(await minutesFor(c.repA, { to: "2026-11-01" })).toEqual([40, 30, 20, 10, 0]);
    expect(await minutesFor(c.repA, { from: "2026-11-04", to: "2026-11-04" })).toEqual([4320]);
    // In Tokyo (UTC+9) 12:00–12:40 UTC on Nov 1 is 21:00–21:40 on Nov 1; 12:00 UTC Nov 4 is Nov 4.
    expect(await minutesFor(c.repA, { to: "2026-11-01", tz: "Asia/Tokyo" })).toEqual([40, 30, 20, 10, 0]);
    // In Kiritimati (UTC+14) 12:00 UTC Nov 1 is already Nov 2.
    expect(await minutesFor(c.repA, { to: "2026-11-01", tz: "Pacific/Kiritimati" })).toEqual([]);
  });

  it("searches recipient name, email and company by word prefix", async () => {
    const search = (q: string) => minutesFor(c.admin, { q });
    expect(await search("zoë")).toEqual([0]);
    expect(await search("Quil")).toEqual([0]);
    expect(await search("quillworks")).toEqual([0]);
    expect(await search("jane.doe+vip@acme.io")).toEqual([1]);
    expect(await search("vip")).toEqual([1]);
    expect(await search("acme")).toEqual([5, 1]);
    expect(await search("acme corp")).toEqual([5]);
    expect(await search("DOE jane")).toEqual([1]);
    expect(await search("r40@example.com")).toEqual([40]);
    expect(await search("nobody")).toEqual([]);
    expect(await search("'); drop table sends; --")).toEqual([]);
    expect(await minutesFor(c.repA, { q: "acme" })).toEqual([]);
  });

  it("offers only reps in scope, teams to admins, and the touches used", async () => {
    const forRep = await loadFilterOptions(database.db, sendScopeFor(c.repA));
    expect(forRep.reps.map((r) => r.name)).toEqual(["Alex Able"]);
    expect(forRep.teams).toEqual([]);
    const forManager = await loadFilterOptions(database.db, sendScopeFor(c.managerA));
    expect(forManager.reps.map((r) => r.name)).toEqual(["Alex Able", "Bea Bright", "Mo Manager"]);
    const forAdmin = await loadFilterOptions(database.db, sendScopeFor(c.admin));
    expect(forAdmin.teams).toEqual(["a", "b"]);
    expect(forAdmin.touches).toEqual([
      { id: 1001, name: "Coffee for two" },
      { id: 2002, name: "Wine" },
    ]);
  });
});
