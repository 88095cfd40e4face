import { type AnyColumn, sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

export const ROLES = ["rep", "manager", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const SEND_STATES = ["queued", "in_flight", "sent", "failed", "unknown", "not_sent"] as const;
export type SendState = (typeof SEND_STATES)[number];

export const SEND_TYPES = ["address_collection", "known_address", "egift"] as const;
export type SendType = (typeof SEND_TYPES)[number];

// Millisecond precision so a keyset cursor carried in a JS Date matches the stored value exactly.
const createdAt = () => timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow();
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/** People who signed in through the IdP. Identity is issuer + subject, never the email alone. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role").$type<Role>().notNull().default("rep"),
    team: text("team"),
    createdAt: createdAt(),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_issuer_subject_key").on(t.issuer, t.subject),
    check("users_role_check", sql`${t.role} in (${inList(ROLES)})`),
  ],
);

/**
 * The words history search matches (lib/sends/history-filters.ts): recipient name, email split at
 * `@ . + _ -`, and company. Constants are inline (never bound parameters) so a query's expression is
 * the indexed one and `sends_search_idx` applies.
 */
export const sendSearchDocument = (
  t: Record<"recipientName" | "recipientEmail" | "recipientCompany", AnyColumn>,
) =>
  sql`to_tsvector('simple'::regconfig, translate(lower(coalesce(${t.recipientName}, '') || ' ' || ${t.recipientEmail} || ' ' || coalesce(${t.recipientCompany}, '')), '@.+_-', '     '))`;

/** One row per send intent; `lib/sends` is its only writer. */
export const sends = pgTable(
  "sends",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    senderId: uuid("sender_id")
      .notNull()
      .references(() => users.id),
    team: text("team"),
    idempotencyKey: uuid("idempotency_key").notNull(),
    /** sha256 of the upstream request body: the same key with another payload is refused. */
    fingerprint: text("fingerprint").notNull(),
    sendType: text("send_type").$type<SendType>().notNull(),
    touchId: integer("touch_id").notNull(),
    touchName: text("touch_name").notNull(),
    recipientName: text("recipient_name"),
    recipientEmail: text("recipient_email").notNull(),
    recipientCompany: text("recipient_company"),
    customMessage: text("custom_message"),
    /** The Sendoso connection the gift went out on; null for the shared sandbox token. */
    sendosoConnectionId: uuid("sendoso_connection_id"),
    /** Sent through the org's shared Sendoso account because the rep had none of their own. */
    viaSharedAccount: boolean("via_shared_account").notNull().default(false),
    /** The exact JSON body sent to Sendoso. */
    requestBody: jsonb("request_body").$type<Record<string, unknown>>().notNull(),
    state: text("state").$type<SendState>().notNull().default("queued"),
    trackingCode: text("tracking_code"),
    trackingUrl: text("tracking_url"),
    sendosoSendGid: text("sendoso_send_gid"),
    sendosoStatus: text("sendoso_status"),
    statusBucket: text("status_bucket"),
    cost: numeric("cost", { precision: 12, scale: 2 }),
    currency: text("currency"),
    errorMessage: text("error_message"),
    errorDetail: text("error_detail"),
    createdAt: createdAt(),
    inFlightAt: timestamp("in_flight_at", { withTimezone: true }),
    settledAt: timestamp("settled_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("sends_sender_idempotency_key").on(t.senderId, t.idempotencyKey),
    index("sends_sender_created_idx").on(t.senderId, t.createdAt.desc(), t.id.desc()),
    index("sends_team_created_idx").on(t.team, t.createdAt.desc(), t.id.desc()),
    index("sends_created_idx").on(t.createdAt.desc(), t.id.desc()),
    index("sends_recipient_email_idx").on(t.recipientEmail),
    // History filters and search at a million rows (bench/history): newest-first walks per touch and
    // per Sendoso bucket, and a GIN index for word-prefix search on the recipient.
    index("sends_touch_created_idx").on(t.touchId, t.createdAt.desc(), t.id.desc()),
    index("sends_bucket_created_idx").on(t.statusBucket, t.createdAt.desc(), t.id.desc()),
    index("sends_search_idx").using("gin", sendSearchDocument(t)),
    index("sends_state_idx").on(t.state).where(sql`${t.state} in ('queued', 'in_flight', 'unknown')`),
    check("sends_state_check", sql`${t.state} in (${inList(SEND_STATES)})`),
    check("sends_type_check", sql`${t.sendType} in (${inList(SEND_TYPES)})`),
  ],
);

/** Append-only timeline of every state change of a send, with who caused it. */
export const sendEvents = pgTable(
  "send_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    sendId: uuid("send_id")
      .notNull()
      .references(() => sends.id),
    actorId: uuid("actor_id").references(() => users.id),
    fromState: text("from_state").$type<SendState>(),
    toState: text("to_state").$type<SendState>().notNull(),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index("send_events_send_idx").on(t.sendId, t.id)],
);

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
 * The shared outbound rate limiter (lib/rate-limit): `limit` rows per key, each a slot that may be granted
 * again only once `free_at` has passed. `generation` identifies one grant, so its holder can hand back
 * unused time without touching a later grant of the same slot.
 */
export const rateLimitSlots = pgTable(
  "rate_limit_slots",
  {
    key: text("key").notNull(),
    slot: integer("slot").notNull(),
    freeAt: timestamp("free_at", { withTimezone: true }).notNull().default(sql`'epoch'`),
    generation: bigint("generation", { mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.slot] })],
);

export type User = typeof users.$inferSelect;
export type SendosoConnection = typeof sendosoConnections.$inferSelect;
export type Send = typeof sends.$inferSelect;
export type NewSend = typeof sends.$inferInsert;
export type SendEvent = typeof sendEvents.$inferSelect;
