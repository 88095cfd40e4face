import { sql } from "drizzle-orm";
import { bigint, check, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, inList } from "./common";
import { sends } from "./sends";
import { users } from "./users";

export const CONNECTION_STATUSES = ["active", "needs_reconnect"] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

/**
 * A Sendoso OAuth grant: one per rep (`user_id`), plus at most one shared org connection (`user_id` null)
 * for reps without their own. Tokens are AES-256-GCM ciphertexts bound to the row id (lib/crypto).
 */
export const sendosoConnections = pgTable(
  "sendoso_connections",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    sendosoUserId: bigint("sendoso_user_id", { mode: "number" }).notNull(),
    sendosoEmail: text("sendoso_email").notNull(),
    sendosoName: text("sendoso_name").notNull(),
    accessTokenCiphertext: text("access_token_ciphertext").notNull(),
    refreshTokenCiphertext: text("refresh_token_ciphertext"),
    accessExpiresAt: timestamp("access_expires_at", { withTimezone: true }).notNull(),
    scope: text("scope").notNull(),
    status: text("status").$type<ConnectionStatus>().notNull().default("active"),
    connectedBy: uuid("connected_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("sendoso_connections_user_key").on(t.userId),
    // NULLs are distinct in a plain unique index; this one admits a single shared (user_id null) row.
    uniqueIndex("sendoso_connections_shared_key")
      .on(sql`(${t.userId} is null)`)
      .where(sql`${t.userId} is null`),
    check("sendoso_connections_status_check", sql`${t.status} in (${inList(CONNECTION_STATUSES)})`),
  ],
);

/**
 * Sendoso's status history of a send (`status_updates` from `GET /send`, and webhook deliveries), one row
 * per status and time, so repeated syncs and replayed webhooks add nothing.
 */
export const sendosoStatusUpdates = pgTable(
  "sendoso_status_updates",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    sendId: uuid("send_id")
      .notNull()
      .references(() => sends.id),
    status: text("status").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, precision: 3 }).notNull(),
    /** `sync` (the reconciler read it from GET /send) or `webhook`. */
    source: text("source").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("sendoso_status_updates_key").on(t.sendId, t.status, t.occurredAt)],
);

/** Every webhook delivery accepted, keyed by its `svix-id`: a replay finds its row and changes nothing. */
export const webhookMessages = pgTable("webhook_messages", {
  id: text("id").primaryKey(),
  sendGid: text("send_gid").notNull(),
  eventType: text("event_type"),
  statusChangedAt: timestamp("status_changed_at", { withTimezone: true }),
  payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  processedAt: timestamp("processed_at", { withTimezone: true }),
});
