import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { sends, users } from "@/lib/db/schema";
import { loadDashboard } from "@/lib/sends/dashboard";
import type { HistoryFilters } from "@/lib/sends/filters";
import { listSends } from "@/lib/sends/history";
import { type SendScope, sendScopeFor } from "@/lib/sends/scope";

export type Timing = { p50: number; p95: number };

const WARMUP = 3;
const RUNS = 40;

/** p50/p95 in ms of `fn` after a warm-up: the server time of one history page (query + round trip). */
export async function time(fn: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95) };
}

async function one<T>(db: Db, query: ReturnType<typeof sql>): Promise<T> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  const row = result.rows[0];
  if (!row) throw new Error("bench setup query returned nothing");
  return row;
}

export type Case = { name: string; run: () => Promise<unknown> };

/** The five history cases of issue 6, each one page of 50 through the app's own query function. */
export async function historyCases(db: Db, rowCount: number, surname: string): Promise<Case[]> {
  const admin = await one<{ id: string; role: "admin"; team: null }>(
    db,
    sql`select id, role, team from ${users} where role = 'admin'`,
  );
  const rep = await one<{ id: string; role: "rep"; team: string }>(
    db,
    sql`select id, role, team from ${users} where subject = 'rep-7'`,
  );
  const manager = await one<{ id: string; role: "manager"; team: string }>(
    db,
    sql`select id, role, team from ${users} where subject = 'manager-3'`,
  );
  // A cursor half-way down the whole list: the page an OFFSET would have to count to.
  const deep = await one<{ created_at: string; id: string }>(
    db,
    sql`select created_at::text, id from ${sends} order by created_at desc, id desc offset ${Math.floor(rowCount / 2)} limit 1`,
  );
  const after = { createdAt: new Date(deep.created_at), id: deep.id };
  const page =
    (scope: SendScope, filters: HistoryFilters = {}, cursor?: typeof after) =>
    () =>
      listSends(db, scope, { limit: 50, filters, after: cursor });
  const dashboard = (scope: SendScope) => () =>
    loadDashboard(db, scope, {
      period: { from: "2026-10-02", to: "2026-10-31", tz: "UTC" },
      waitingTo: "2026-10-24",
    });
  return [
    { name: "first page (admin, all)", run: page(sendScopeFor(admin)) },
    { name: `deep keyset page (row ${Math.floor(rowCount / 2)})`, run: page(sendScopeFor(admin), {}, after) },
    { name: "rep-scoped page", run: page(sendScopeFor(rep)) },
    { name: "filtered page (team + on hold)", run: page(sendScopeFor(manager), { bucket: "on_hold" }) },
    {
      name: `recipient search "${surname.slice(0, 5)}"`,
      run: page(sendScopeFor(admin), { q: surname.slice(0, 5) }),
    },
    { name: "search, rep-scoped, company", run: page(sendScopeFor(rep), { q: "company 4207" }) },
    // Not a target of the issue; printed so the dashboard's cost at scale is known too.
    { name: "dashboard, admin, 30 days", run: dashboard(sendScopeFor(admin)) },
    { name: "dashboard, manager, 30 days", run: dashboard(sendScopeFor(manager)) },
  ];
}
