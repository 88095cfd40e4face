import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { sends, type User } from "@/lib/db/schema";
import type { SendosoClient } from "@/lib/sendoso/client";
import { submitSend } from "@/lib/sends/send-service";
import { sendGiftSchema } from "@/lib/validation/send";
import { barrier } from "../support/barrier";
import { openFreshPostgres } from "../support/databases";
import { sandboxClient, sendDeps } from "../support/send-deps";
import { startSimulator, type TestSimulator } from "../support/simulator";
import { priced } from "../support/touch-pricing";
import { makeUser } from "../support/users";

// Lock and unique-index races only show on a real server: PGlite runs one transaction at a time.
const servers = process.env.TEST_DATABASE_URL ? [process.env.TEST_DATABASE_URL] : [];
const N = 20;

const form = (overrides: Record<string, unknown>) =>
  sendGiftSchema.parse({
    sendType: "address_collection",
    idempotencyKey: crypto.randomUUID(),
    touchId: 1001,
    recipientName: "Rae Race",
    recipientEmail: `race.${Date.now()}@example.com`,
    ...overrides,
  });

/** The client, with every racer held at prepareSend (after the key lookup, before the record tx). */
function lined(client: SendosoClient, parties: number): SendosoClient {
  const line = barrier(parties);
  return {
    ...client,
    prepareSend: async () => {
      await line.arrive();
      return client.prepareSend();
    },
  };
}

describe.each(servers)("send races on PostgreSQL", (adminUrl) => {
  let database: DatabaseHandle;
  let sim: TestSimulator;
  let rep: User;
  beforeAll(async () => {
    [database, sim] = await Promise.all([openFreshPostgres(adminUrl), startSimulator()]);
    rep = await makeUser(database.db, "racer", "rep", "a");
  });
  afterAll(async () => {
    await Promise.all([database?.close(), sim?.close()]);
  });
  beforeEach(() => sim.resetLog());

  it(`one key, ${N} different recipients at once: one row, at most one POST, every answer about it`, async () => {
    const deps = sendDeps(database.db, lined(sandboxClient(sim, { timeoutMs: 5_000 }), N));
    const key = crypto.randomUUID();
    const stamp = Date.now();
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        submitSend(
          deps,
          rep,
          form({ idempotencyKey: key, recipientEmail: `race.${stamp}.${i}@example.com` }),
          priced("Coffee"),
        ),
      ),
    );
    const rows = await database.db.select().from(sends).where(eq(sends.idempotencyKey, key));
    expect(rows).toHaveLength(1);
    expect((await sim.sendPosts()).length).toBeLessThanOrEqual(1);
    const row = rows[0];
    // The winner's outcome, or key_reused naming the winner's send: never a generic error.
    for (const result of results) {
      if (result.status === "key_reused") expect(result.sendId).toBe(row?.id);
      else expect(result).toMatchObject({ status: "sent", sendId: row?.id });
    }
    expect(results.filter((r) => r.status === "sent")).not.toHaveLength(0);
  }, 60_000);

  it(`${N} tabs, ${N} keys, one recipient at once: exactly one goes through without confirmation`, async () => {
    const deps = sendDeps(database.db, lined(sandboxClient(sim, { timeoutMs: 5_000 }), N));
    const email = `tabs.${Date.now()}@example.com`;
    const results = await Promise.all(
      Array.from({ length: N }, () =>
        submitSend(deps, rep, form({ recipientEmail: email }), priced("Coffee")),
      ),
    );
    expect(results.filter((r) => r.status === "sent")).toHaveLength(1);
    expect(results.filter((r) => r.status === "needs_confirmation")).toHaveLength(N - 1);
    expect(await sim.sendPosts()).toHaveLength(1);
    expect(await database.db.select().from(sends).where(eq(sends.recipientEmail, email))).toHaveLength(1);
  }, 60_000);
});
