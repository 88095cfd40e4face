import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import type { User } from "@/lib/db/schema";
import { createRateLimiter, type RateLimiter } from "@/lib/rate-limit";
import { createReadGuard, ReadLimitedError } from "@/lib/sendoso/read-guard";
import { submitSend } from "@/lib/sends/send-service";
import { backends } from "../support/databases";
import { sandboxClient, sendDeps } from "../support/send-deps";
import { startSimulator, type TestSimulator } from "../support/simulator";
import { spendForm } from "../support/spend-fixture";
import { priced } from "../support/touch-pricing";
import { makeUser } from "../support/users";

/**
 * Issue 16 item 3: one rep hammering the header chip / touch refresh must not starve another rep's
 * send. Both clients share one limiter, as every client of the app does (lib/sendoso/wiring.ts).
 */
describe.each(backends)("Sendoso reads beside a send on $name", (backend) => {
  let database: DatabaseHandle;
  let sim: TestSimulator;
  let limiter: RateLimiter;
  let reader: User;
  let sender: User;

  beforeAll(async () => {
    [database, sim] = await Promise.all([backend.open(), startSimulator()]);
    limiter = createRateLimiter({
      db: database.db,
      key: "sendoso:guard-test",
      limit: 10,
      windowMs: 1_000,
      maxWaitMs: 5_000,
    });
    reader = await makeUser(database.db, "guard-reader", "rep", "a");
    sender = await makeUser(database.db, "guard-sender", "rep", "b");
  });
  afterAll(async () => {
    await limiter?.dispose();
    await Promise.all([database?.close(), sim?.close()]);
  });

  const client = () => sandboxClient(sim, { timeoutMs: 5_000, limiter });
  async function timedSend(): Promise<{ status: string; ms: number }> {
    const started = performance.now();
    const result = await submitSend(sendDeps(database.db, client()), sender, spendForm(), priced("Mug", 5));
    return { status: result.status, ms: performance.now() - started };
  }
  const meCalls = async () => (await sim.requests({ method: "GET", path: "/api/v3/me" })).length;

  it("50 concurrent uncached reads from one rep: the other rep's send still goes out in its normal time", async () => {
    const alone = await timedSend();
    expect(alone.status).toBe("sent");
    // No cache and a generous per-user limit: every read reaches the limiter, 50 at once.
    const guard = createReadGuard({ db: async () => database.db, cacheMs: 0, perUserPerMinute: () => 1_000 });
    const readerClient = client();
    const reads = Array.from({ length: 50 }, () =>
      guard.read(reader.id, "me:reader", () => readerClient.me()).catch((e: Error) => e),
    );
    await new Promise((r) => setTimeout(r, 20));
    const busy = await timedSend();
    expect(busy.status).toBe("sent");
    // Without the read share the send waits behind five windows of reads and is refused as busy.
    expect(busy.ms).toBeLessThan(alone.ms + 1_000);
    await Promise.all(reads);
  });

  it("cached per connection: 50 concurrent reads cost one Sendoso call", async () => {
    await sim.resetLog();
    // A rep of its own: per-user counts live in the database, across tests.
    const rep = await makeUser(database.db, "guard-cached", "rep", "a");
    const guard = createReadGuard({
      db: async () => database.db,
      cacheMs: 30_000,
      perUserPerMinute: () => 30,
    });
    const readerClient = client();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => guard.read(rep.id, "me:cached", () => readerClient.me())),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await meCalls()).toBe(1);
  });

  it("limited per user: past the limit the read is refused before it reaches Sendoso", async () => {
    await sim.resetLog();
    const rep = await makeUser(database.db, "guard-limited", "rep", "a");
    const guard = createReadGuard({ db: async () => database.db, cacheMs: 0, perUserPerMinute: () => 3 });
    const readerClient = client();
    const outcomes: unknown[] = [];
    for (let i = 0; i < 5; i++) {
      outcomes.push(await guard.read(rep.id, `me:limited:${i}`, () => readerClient.me()).catch((e) => e));
    }
    expect(outcomes.filter((o) => o instanceof ReadLimitedError)).toHaveLength(2);
    expect(await meCalls()).toBe(3);
    // Another user's reads are counted apart.
    await expect(guard.read(sender.id, "me:other", () => readerClient.me())).resolves.toHaveProperty("id");
  });
});
