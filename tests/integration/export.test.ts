import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import type { User } from "@/lib/db/schema";
import { EXPORT_COLUMNS, exportCsvStream } from "@/lib/sends/export";
import type { HistoryFilters } from "@/lib/sends/filters";
import { listSends } from "@/lib/sends/history";
import { sendScopeFor } from "@/lib/sends/scope";
import { backends } from "../support/databases";
import { type Cast, seedSends, seedUsers } from "./history-seed";

describe.each(backends)("CSV export on $name", (backend) => {
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

  /** Send ids of the exported records, in file order (seed data has no line breaks inside cells). */
  async function exported(user: User, filters: HistoryFilters, batchSize = 3) {
    const stream = exportCsvStream(database.db, sendScopeFor(user), filters, batchSize);
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    // UTF-8 with a byte-order mark (TextDecoder drops it).
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...records] = new TextDecoder().decode(bytes).split("\r\n");
    expect(header).toBe(EXPORT_COLUMNS.map(([h]) => h).join(","));
    expect(records.pop()).toBe("");
    return records.map((line) => line.split(",").at(-1));
  }

  async function listed(user: User, filters: HistoryFilters) {
    const { rows } = await listSends(database.db, sendScopeFor(user), { limit: 1000, filters });
    return rows.map((r) => r.id);
  }

  const cases: [string, keyof Cast, HistoryFilters][] = [
    ["a rep, unfiltered", "repA", {}],
    ["a manager, unfiltered", "managerA", {}],
    ["an admin, unfiltered", "admin", {}],
    ["an admin, team b", "admin", { team: "b" }],
    ["a manager, on hold", "managerA", { bucket: "on_hold" }],
    ["an admin, search", "admin", { q: "acme" }],
    ["a manager asking for another team's rep", "managerA", { rep: "00000000-0000-4000-8000-000000000000" }],
  ];

  it.each(cases)("equals the filtered list for %s, across batches", async (_label, who, filters) => {
    const user = c[who];
    expect(await exported(user, filters)).toEqual(await listed(user, filters));
  });

  it("exports exactly the caller's scope", async () => {
    expect(await exported(c.repA, {})).toHaveLength(6);
    expect(await exported(c.managerA, {})).toHaveLength(11);
    expect(await exported(c.admin, {})).toHaveLength(14);
    expect(await exported(c.managerA, { rep: c.repB.id })).toEqual([]);
  });
});
