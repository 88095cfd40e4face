import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { auditLog, notifications, sendEvents, sendosoStatusUpdates, sends, type User } from "@/lib/db/schema";
import type { SendosoClient } from "@/lib/sendoso/client";
import { type ReconcileDeps, reconcileSends } from "@/lib/sends/reconcile";
import { LIST_LAG_MS, MATCH_WINDOW } from "@/lib/sends/reconcile-match";
import { sendGiftSchema } from "@/lib/validation/send";
import type { TestSimulator } from "../support/simulator";

let counter = 0;

/** An address-collection form for a recipient no other test uses. */
export const form = (overrides: Record<string, unknown> = {}) =>
  sendGiftSchema.parse({
    sendType: "address_collection",
    idempotencyKey: crypto.randomUUID(),
    touchId: 1001,
    recipientName: "Jane Doe",
    recipientEmail: `jane.${Date.now()}.${counter++}@example.com`,
    customMessage: "Thanks for the call",
    ...overrides,
  });

/** What the app accepts by default: our via_from ("Gift Desk") and "API" (lib/env.ts). */
export const API_SENT_VIA = ["gift desk", "api"];

/** After every matching window of a send made now has closed. */
export const afterWindowsClose = () => new Date(Date.now() + MATCH_WINDOW.afterMs + LIST_LAG_MS + 1_000);

/**
 * The reconciler reading the list through `reader`, run as if its sends' windows had closed (unless
 * `now` is given); warnings are collected instead of printed.
 */
export function reconciler(db: Db, reader: SendosoClient, overrides: Partial<ReconcileDeps> = {}) {
  const warnings: string[] = [];
  const run = () =>
    reconcileSends({
      db,
      listPage: (request) => reader.listSends(request),
      sandboxSendosoUserId: async () => (await reader.me()).id,
      apiSentVia: API_SENT_VIA,
      warn: (message) => warnings.push(message),
      now: afterWindowsClose(),
      ...overrides,
    });
  return { run, warnings };
}

/** Everything the reconciler may write for one send, to compare before and after a run. */
export async function snapshotOf(db: Db, sendId: string) {
  const [row] = await db.select().from(sends).where(eq(sends.id, sendId));
  const history = await db
    .select({ status: sendosoStatusUpdates.status, at: sendosoStatusUpdates.occurredAt })
    .from(sendosoStatusUpdates)
    .where(eq(sendosoStatusUpdates.sendId, sendId))
    .orderBy(sendosoStatusUpdates.occurredAt, sendosoStatusUpdates.id);
  const events = await db.select().from(sendEvents).where(eq(sendEvents.sendId, sendId));
  // Only what the reconciler writes: submitting and marking not sent have audit entries of their own.
  const audits = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetId, sendId), eq(auditLog.action, "send.resolved_by_sync")));
  const inbox = await db
    .select()
    .from(notifications)
    .where(eq(notifications.dedupeKey, `unknown_resolved:${sendId}`));
  return { row, history, events, audits, inbox };
}

/** The simulator's own view of its sends (with tracking codes), newest first. */
export async function upstreamSends(sim: TestSimulator) {
  const response = await fetch(`${sim.baseUrl}/__sandbox/sends`);
  return (
    (await response.json()) as {
      sends: { tracking_code: string; send_gid: string; current_total_cost: string }[];
    }
  ).sends;
}

export const listRequests = async (sim: TestSimulator) =>
  (await sim.requests({ method: "GET", path: "/api/v3/send" })).length;

export type Rep = Pick<User, "id" | "team">;
