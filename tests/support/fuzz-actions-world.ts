import { eq, inArray, ne } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import {
  approvalPolicies,
  budgets,
  notifications,
  orgSpendLimits,
  sendosoConnections,
  sends,
  touchCostEstimates,
  type User,
  users,
} from "@/lib/db/schema";
import { submitSend } from "@/lib/sends/send-service";
import { sendGiftSchema } from "@/lib/validation/send";
import { sandboxClient, sendDeps } from "./send-deps";
import { connectThroughOAuth, testConnectDeps } from "./sendoso-connection";
import type { TestSimulator } from "./simulator";
import { setThreshold } from "./spend-fixture";
import { priced } from "./touch-pricing";
import { makeUser } from "./users";

/**
 * The fixture the action fuzz runs in (tests/integration/fuzz-actions.test.ts): two teams, a rep in
 * each, team a's manager, an admin; each rep has a sent, an unknown and a pending send; both reps and
 * the manager are connected to Sendoso. Everything of team b carries markers (a recipient name, the sender's name) that
 * no answer to a caller outside team b may contain.
 */
export type Letter = "a" | "b";
export type World = {
  rep: Record<Letter, User>;
  manager: User;
  admin: User;
  sendIds: Record<Letter, string[]>;
  emails: string[];
  connectionB: string;
  /** Ids a fuzzer should try: every seeded send, user and connection. */
  known: string[];
};

export const markersOf = (letter: Letter) => [`Secret-${letter}-person`, `Outsider ${letter.toUpperCase()}`];

export async function buildWorld(db: Db, sim: TestSimulator, tokenKey: string): Promise<World> {
  const rep = {
    a: await makeUser(db, "fz-rep-a", "rep", "a", "Outsider A"),
    b: await makeUser(db, "fz-rep-b", "rep", "b", "Outsider B"),
  };
  const manager = await makeUser(db, "fz-manager-a", "manager", "a", "Manny A");
  const admin = await makeUser(db, "fz-admin", "admin", null, "Addy Admin");
  await setThreshold(db, "a", 150);
  await setThreshold(db, "b", 150);
  const deps = sendDeps(db, sandboxClient(sim));
  const sendIds: Record<Letter, string[]> = { a: [], b: [] };
  const emails: string[] = [];
  for (const letter of ["a", "b"] as const) {
    for (const kind of ["sent", "unknown", "pending"] as const) {
      const email = `secret.${letter}.${kind}@example.com`;
      emails.push(email);
      if (kind === "unknown") await sim.injectFault({ type: "error_before", status: 503 });
      const values = sendGiftSchema.parse({
        sendType: "address_collection",
        idempotencyKey: crypto.randomUUID(),
        touchId: 1001,
        recipientName: `Secret-${letter}-person`,
        recipientEmail: email,
      });
      const result = await submitSend(
        deps,
        rep[letter],
        values,
        priced("Coffee", kind === "pending" ? 200 : 20),
      );
      if (!("sendId" in result)) throw new Error(`seed ${email}: ${result.status}`);
      sendIds[letter].push(result.sendId);
    }
  }
  const connect = testConnectDeps(db, sim, { key: tokenKey });
  const connection = await connectThroughOAuth(connect, sim, rep.b, { sendosoUserId: 3 });
  // The fuzzed callers are connected too, so their sends reach the send path (and its recipient check).
  for (const [user, sendosoUserId] of [
    [rep.a, 2],
    [manager, 1],
  ] as const)
    await connectThroughOAuth(connect, sim, user, { sendosoUserId });
  const known = [
    ...sendIds.a,
    ...sendIds.b,
    ...[rep.a, rep.b, manager, admin].map((u) => u.id),
    connection.id,
  ];
  return { rep, manager, admin, sendIds, emails, connectionB: connection.id, known };
}

/**
 * What a caller without org-wide rights must never change: team b's sends and connection, other
 * people's read marks, users, budgets and policies. Compared before and after a role's fuzz.
 */
export async function untouchable(db: Db, world: World, caller: User) {
  const teamB = await db.select().from(sends).where(inArray(sends.id, world.sendIds.b));
  const connection = await db
    .select()
    .from(sendosoConnections)
    .where(eq(sendosoConnections.id, world.connectionB));
  const othersRead = await db
    .select({ id: notifications.id, readAt: notifications.readAt })
    .from(notifications)
    .where(ne(notifications.userId, caller.id))
    .orderBy(notifications.id);
  const everyone = await db.select().from(users).orderBy(users.id);
  const spend = [
    await db.select().from(budgets).orderBy(budgets.id),
    await db.select().from(approvalPolicies).orderBy(approvalPolicies.team),
    await db.select().from(touchCostEstimates).orderBy(touchCostEstimates.touchId),
    await db.select().from(orgSpendLimits),
  ];
  return JSON.parse(JSON.stringify({ teamB, connection, othersRead, everyone, spend }));
}
