import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, type Db, openDatabase } from "@/lib/db/client";
import * as schema from "@/lib/db/schema";
import { type SendDeps, type Sender, submitSend } from "@/lib/sends/send-service";
import { sweepStaleInFlight } from "@/lib/sends/sweeper";
import { sendGiftSchema } from "@/lib/validation/send";
import { postgresServers } from "../support/databases";
import { closedPort } from "../support/free-port";
import { createSharedPostgres } from "../support/postgres-database";
import { sandboxClient, sendDeps } from "../support/send-deps";
import { startSimulator, type TestSimulator } from "../support/simulator";
import { priced } from "../support/touch-pricing";
import { makeUser } from "../support/users";

/**
 * R1: with the database down, nothing is sent. The send path records before it calls, so any database
 * failure must stop it before Sendoso hears a thing; and a call already in the air must not be repeated
 * because its outcome could not be stored.
 */
let counter = 0;
const form = (idempotencyKey: string = crypto.randomUUID()) =>
  sendGiftSchema.parse({
    sendType: "address_collection",
    idempotencyKey,
    touchId: 1001,
    recipientName: "Dana Down",
    recipientEmail: `down.${Date.now()}.${counter++}@example.com`,
  });

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim?.close());

const depsFor = (db: Db): SendDeps => sendDeps(db, sandboxClient(sim, { timeoutMs: 3_000 }));

describe("a database that cannot be reached at all", () => {
  it("makes submitSend fail and sends nothing", async () => {
    // The PostgreSQL driver pointed at a port nothing listens on: every query fails to connect.
    const pool = new pg.Pool({
      connectionString: `postgres://postgres@127.0.0.1:${await closedPort()}/none`,
      connectionTimeoutMillis: 1_000,
    });
    try {
      const db = drizzle(pool, { schema }) as unknown as Db;
      const rep: Sender = { id: crypto.randomUUID(), team: "a" };
      await sim.resetLog();
      await expect(submitSend(depsFor(db), rep, form(), priced("Coffee for two"))).rejects.toThrow();
      expect(await sim.sendPosts()).toHaveLength(0);
    } finally {
      await pool.end();
    }
  });
});

// Taking a real server's database away needs one: postgresServers is empty without TEST_DATABASE_URL
// (never skipped).
describe.each(postgresServers)("the $name database going away mid-flow", ({ adminUrl }) => {
  let shared: Awaited<ReturnType<typeof createSharedPostgres>>;
  let handle: DatabaseHandle;
  let rep: Sender;
  let dbName: string;

  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  /** Refuses new connections, then cuts the ones the app's pool holds: like a server stopped mid-flow. */
  const takeDown = async () => {
    await admin(`alter database ${dbName} allow_connections false`);
    await admin(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${dbName}'`);
  };
  const bringBack = () => admin(`alter database ${dbName} allow_connections true`);

  beforeAll(async () => {
    shared = await createSharedPostgres(adminUrl);
    dbName = new URL(shared.url).pathname.slice(1);
    handle = await openDatabase({ kind: "postgres", url: shared.url });
    // Cutting the pool's idle connections makes pg.Pool emit "error"; lib/db/client.ts attaches no
    // listener, so that is an uncaught exception (Node exits; `next start` only logs it). Reported as a
    // bug; until it is fixed the test listens itself, so what it checks is the send path, not that.
    const pool = (handle.db as unknown as { $client: pg.Pool }).$client;
    if (pool.listenerCount("error") === 0) pool.on("error", () => {});
    rep = await makeUser(handle.db, "down", "rep", "a", "Dana Rep");
  });
  afterAll(async () => {
    await bringBack().catch(() => {});
    await handle?.close().catch(() => {});
    await shared?.drop();
  });

  it("fails new sends with nothing sent, then sends normally once it is back", async () => {
    const deps = depsFor(handle.db);
    // Warm the pool first, so the outage hits connections the app already holds.
    expect((await submitSend(deps, rep, form(), priced("Coffee for two"))).status).toBe("sent");
    await sim.resetLog();
    await takeDown();
    try {
      const attempts = await Promise.allSettled(
        Array.from({ length: 5 }, () => submitSend(deps, rep, form(), priced("Coffee for two"))),
      );
      expect(attempts.map((a) => a.status)).toEqual(Array(5).fill("rejected"));
      expect(await sim.sendPosts()).toHaveLength(0);
    } finally {
      await bringBack();
    }
    expect((await submitSend(deps, rep, form(), priced("Coffee for two"))).status).toBe("sent");
    expect(await sim.sendPosts()).toHaveLength(1);
  });

  it("never repeats a call already in the air whose outcome could not be stored", async () => {
    const deps = depsFor(handle.db);
    await sim.resetLog();
    await sim.injectFault({ type: "delay", ms: 1_500 });
    const values = form();
    const pending = submitSend(deps, rep, values, priced("Coffee for two"));
    for (let i = 0; i < 100 && (await sim.sendPosts()).length === 0; i++)
      await new Promise((r) => setTimeout(r, 20));
    await takeDown();
    try {
      // Sendoso accepted it, but Gift Desk cannot write that down: the rep is told not to resend.
      expect(await pending).toMatchObject({ status: "unknown" });
    } finally {
      await bringBack();
    }
    const [row] = await handle.db
      .select()
      .from(schema.sends)
      .where(eq(schema.sends.idempotencyKey, values.idempotencyKey));
    expect(row?.state).toBe("in_flight");
    expect(await sweepStaleInFlight(handle.db, { olderThanMs: 0 })).toBe(1);
    // Pressing Send again on the same form: the recorded outcome, no second POST.
    expect(await submitSend(deps, rep, values, priced("Coffee for two"))).toMatchObject({
      status: "unknown",
    });
    expect(await sim.sendPosts()).toHaveLength(1);
  });
});
