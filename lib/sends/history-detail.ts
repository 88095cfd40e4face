import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db/client";
import { type Send, sendEvents, sendosoConnections, sends, users } from "@/lib/db/schema";
import { loadSendosoTimeline, type SendosoStatusUpdate } from "./history-timeline";
import { type SendScope, scopeCondition } from "./scope";

export type SendEventEntry = {
  id: number;
  createdAt: Date;
  actorName: string | null;
  fromState: string | null;
  toState: string;
  detail: Record<string, unknown> | null;
};

export type SendDetail = {
  send: Send;
  sender: { id: string; name: string; email: string };
  /** The Sendoso account the gift went out on; null when the connection is gone or was the sandbox. */
  connection: { sendosoName: string; sendosoEmail: string } | null;
  events: SendEventEntry[];
  sendosoTimeline: SendosoStatusUpdate[];
};

/**
 * One send with its audit trail, or null when it does not exist *or* lies outside the caller's scope:
 * the page answers both with the same 404, so ids cannot be probed.
 */
export async function getSendDetail(db: Db, scope: SendScope, id: string): Promise<SendDetail | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const [found] = await db
    .select({
      send: sends,
      sender: { id: users.id, name: users.name, email: users.email },
      connection: {
        sendosoName: sendosoConnections.sendosoName,
        sendosoEmail: sendosoConnections.sendosoEmail,
      },
    })
    .from(sends)
    .innerJoin(users, eq(users.id, sends.senderId))
    .leftJoin(sendosoConnections, eq(sendosoConnections.id, sends.sendosoConnectionId))
    .where(and(eq(sends.id, id), scopeCondition(scope)));
  if (!found) return null;
  const actor = alias(users, "actor");
  const events = await db
    .select({
      id: sendEvents.id,
      createdAt: sendEvents.createdAt,
      actorName: actor.name,
      fromState: sendEvents.fromState,
      toState: sendEvents.toState,
      detail: sendEvents.detail,
    })
    .from(sendEvents)
    .leftJoin(actor, eq(actor.id, sendEvents.actorId))
    .where(eq(sendEvents.sendId, id))
    .orderBy(asc(sendEvents.id));
  return { ...found, events, sendosoTimeline: await loadSendosoTimeline(db, found.send) };
}
