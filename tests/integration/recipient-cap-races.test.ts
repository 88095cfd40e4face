import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { recipientSpendCaps, sends, type User } from "@/lib/db/schema";
import type { SendosoClient } from "@/lib/sendoso/client";
import { submitSend } from "@/lib/sends/send-service";
import { saveRecipientCaps } from "@/lib/spend/settings-caps";
import { recipientCapsSchema } from "@/lib/validation/spend";
import { barrier } from "../support/barrier";
import { openFreshPostgres } from "../support/databases";
import { sandboxClient, sendDeps } from "../support/send-deps";
import { startSimulator, type TestSimulator } from "../support/simulator";
import { spendForm } from "../support/spend-fixture";
import { priced } from "../support/touch-pricing";
import { makeUser } from "../support/users";

// Lock races only show on a real server: PGlite runs one transaction at a time.
const servers = process.env.TEST_DATABASE_URL ? [process.env.TEST_DATABASE_URL] : [];
const N = 20;

/** The client, with every racer held at prepareSend (just before the record transaction). */
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

function countBy(results: { status: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { status } of results) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

describe.each(servers)("per-recipient cap races on PostgreSQL", (adminUrl) => {
  let database: DatabaseHandle;
  let sim: TestSimulator;
  let reps: User[];
  beforeAll(async () => {
    [database, sim] = await Promise.all([openFreshPostgres(adminUrl), startSimulator()]);
    reps = await Promise.all(
      ["cap-racer-a", "cap-racer-b", "cap-racer-c", "cap-racer-d"].map((key, i) =>
        makeUser(database.db, key, i === 3 ? "manager" : "rep", `team-${i % 2}`),
      ),
    );
  });
  afterAll(async () => {
    await Promise.all([database?.close(), sim?.close()]);
  });
  beforeEach(async () => {
    await database.db.delete(recipientSpendCaps);
    await sim.resetLog();
  });

  const setCaps = (values: Record<string, unknown>) =>
    saveRecipientCaps(
      database.db,
      { id: reps[3]?.id ?? "", email: "cap-racer-d@giftdesk.test" },
      recipientCapsSchema.parse({ overCap: "refuse", ...values }),
    );
  const race = (emails: (i: number) => string) => {
    const deps = sendDeps(database.db, lined(sandboxClient(sim, { timeoutMs: 10_000 }), N), {
      settleWaitMs: 20_000,
    });
    return Promise.all(
      Array.from({ length: N }, (_, i) =>
        submitSend(
          deps,
          reps[i % reps.length] as User,
          spendForm({ recipientEmail: emails(i), confirmRepeatRecipient: true }),
          priced("Mug", 10),
        ),
      ),
    );
  };
  const sentTotal = async (where: ReturnType<typeof sql>) => {
    const [row] = await database.db
      .select({ sum: sql<string>`coalesce(sum(${sends.estimatedCost}), 0)` })
      .from(sends)
      .where(sql`${eq(sends.state, "sent")} and ${where}`);
    return Number(row?.sum);
  };

  it(`${N} sends to one recipient at once against a cap that fits 3: exactly 3 go out`, async () => {
    await setCaps({ perEmailYearly: "30" });
    const email = `one.${Date.now()}@race-one.example`;
    const results = await race(() => email);
    expect(countBy(results)).toEqual({ sent: 3, over_budget: 17 });
    expect(await sim.sendPosts()).toHaveLength(3);
    expect(await sentTotal(sql`${sends.recipientEmail} = ${email}`)).toBe(30);
  }, 90_000);

  it(`${N} sends to ${N} people at one domain against a domain cap that fits 3: exactly 3 go out`, async () => {
    // Twenty different addresses take twenty different recipient locks: only the domain lock serialises.
    const domain = `race${Date.now()}.example`;
    await setCaps({ perDomainYearly: "30" });
    const results = await race((i) => `person${i}@${domain}`);
    expect(countBy(results)).toEqual({ sent: 3, over_budget: 17 });
    expect(await sim.sendPosts()).toHaveLength(3);
    expect(await sentTotal(sql`split_part(${sends.recipientEmail}, '@', 2) = ${domain}`)).toBe(30);
  }, 90_000);
});
