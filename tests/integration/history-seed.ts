// Known data for the history, export and dashboard tests: every filter has an answer worked out by hand.
import { upsertUserFromIdentity } from "@/lib/auth/users";
import type { Db } from "@/lib/db/client";
import { type NewSend, sends, type User } from "@/lib/db/schema";

export type Cast = { repA: User; repA2: User; repB: User; managerA: User; admin: User };

export async function seedUsers(db: Db): Promise<Cast> {
  const user = (subject: string, name: string, role: User["role"], team: string | null) =>
    upsertUserFromIdentity(db, { issuer: "i", subject, email: `${subject}@giftdesk.test`, name, role, team });
  return {
    repA: await user("rep-a", "Alex Able", "rep", "a"),
    repA2: await user("rep-a2", "Bea Bright", "rep", "a"),
    repB: await user("rep-b", "Cy Cole", "rep", "b"),
    managerA: await user("manager-a", "Mo Manager", "manager", "a"),
    admin: await user("admin", "Ada Admin", "admin", null),
  };
}

export const BASE = Date.parse("2026-11-01T12:00:00Z");
export const minutes = (n: number) => new Date(BASE + n * 60_000);

/** One send row with sensible defaults; `at` is minutes after BASE. */
export function sendRow(sender: User, at: number, extra: Partial<NewSend> = {}): NewSend {
  return {
    senderId: sender.id,
    team: sender.team,
    idempotencyKey: crypto.randomUUID(),
    fingerprint: "f",
    sendType: "address_collection",
    touchId: 1001,
    touchName: "Coffee for two",
    recipientEmail: `r${at}@example.com`,
    recipientName: `Recipient ${at}`,
    requestBody: { send: { touch_id: 1001, email: `r${at}@example.com`, custom_message: "Thanks!" } },
    state: "sent",
    trackingCode: `tc${at}`,
    createdAt: minutes(at),
    ...extra,
  };
}

/**
 * 14 sends: repA 6 (team a), repA2 4 (team a), repB 3 (team b), managerA 1 (team a).
 * Search targets: "Zoë Quill" at Quillworks (repA), "jane.doe+vip@acme.io" (repB), company "Acme Corp" (repA2).
 */
export async function seedSends(db: Db, c: Cast) {
  const rows: NewSend[] = [
    sendRow(c.repA, 0, {
      recipientName: "Zoë Quill",
      recipientCompany: "Quillworks",
      cost: "25.00",
      currency: "USD",
    }),
    sendRow(c.repA, 10, {
      state: "unknown",
      trackingCode: null,
      errorMessage: "We could not confirm this gift",
    }),
    sendRow(c.repA, 20, { sendosoStatus: "Confirming Address", statusBucket: "waiting_on_recipient" }),
    sendRow(c.repA, 30, {
      sendosoStatus: "Shipped",
      statusBucket: "shipped",
      touchId: 2002,
      touchName: "Wine",
    }),
    sendRow(c.repA, 40, { state: "failed", trackingCode: null, errorMessage: "Sendoso refused" }),
    sendRow(c.repA, 1440 * 3, {
      sendType: "egift",
      sendosoStatus: "Redeemed",
      statusBucket: "delivered",
      cost: "50.00",
      currency: "USD",
    }),
    sendRow(c.repA2, 5, { recipientCompany: "Acme Corp", sendosoStatus: "Paused", statusBucket: "on_hold" }),
    sendRow(c.repA2, 15, { state: "queued", trackingCode: null }),
    sendRow(c.repA2, 25, {
      sendosoStatus: "Teleported",
      statusBucket: "other",
      touchId: 2002,
      touchName: "Wine",
    }),
    sendRow(c.repA2, 35, { cost: "10.50", currency: "USD" }),
    sendRow(c.repB, 1, {
      recipientName: "Jane Doe",
      recipientEmail: "jane.doe+vip@acme.io",
      cost: "99.99",
      currency: "USD",
    }),
    sendRow(c.repB, 11, { state: "unknown", trackingCode: null }),
    sendRow(c.repB, 21, { sendosoStatus: "Expired", statusBucket: "closed_without_gift" }),
    sendRow(c.managerA, 50, { sendType: "known_address", touchId: 2002, touchName: "Wine" }),
  ];
  return db.insert(sends).values(rows).returning();
}
