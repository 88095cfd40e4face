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
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, inList } from "./common";
import { users } from "./users";

/**
 * `pending_approval → queued` (approved) `| rejected | cancelled` (issue 7); then the send path:
 * `queued → in_flight → sent | failed | unknown`, `unknown → sent | not_sent`.
 */
export const SEND_STATES = [
  "pending_approval",
  "queued",
  "in_flight",
  "sent",
  "failed",
  "unknown",
  "not_sent",
  "rejected",
  "cancelled",
] as const;
export type SendState = (typeof SEND_STATES)[number];

export const SEND_TYPES = ["address_collection", "known_address", "egift"] as const;
export type SendType = (typeof SEND_TYPES)[number];

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
    /**
     * The Sendoso user that connection belonged to, copied at record time: the reconciler matches on it
     * even after the connection is removed (a disconnect must not orphan the rep's unknown sends).
     */
    sendosoUserId: bigint("sendoso_user_id", { mode: "number" }),
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
    /** Sendoso's `current_total_cost`, once the status sync brings it; replaces the estimate. */
    cost: numeric("cost", { precision: 12, scale: 2 }),
    currency: text("currency"),
    /** Estimated before sending (lib/spend): what the budget reserves until `cost` is known. */
    estimatedCost: numeric("estimated_cost", { precision: 12, scale: 2 }),
    /** The estimate is an admin's per-touch guess (physical gifts), not a chosen eGift amount. */
    costIsGuess: boolean("cost_is_guess").notNull().default(false),
    /**
     * Routed to approval because it did not fit the budget: it reserves nothing while pending, and
     * approving it spends past the budget on the approver's word.
     */
    overBudget: boolean("over_budget").notNull().default(false),
    /** Who approved or rejected a `pending_approval` send, when, and the reason given. */
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionReason: text("decision_reason"),
    /** Set by a webhook or a manual "check now": the reconciler looks at this send on its next run. */
    syncRequestedAt: timestamp("sync_requested_at", { withTimezone: true }),
    /** When the reconciler last saw this send in Sendoso's list. */
    syncedAt: timestamp("synced_at", { withTimezone: true }),
    /**
     * When a reconcile that read this send's whole window, after it closed, last found no candidate for
     * it: "mark not sent" is refused until this is set (lib/sends/not-sent-gate.ts).
     */
    absentCheckedAt: timestamp("absent_checked_at", { withTimezone: true }),
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
    // Per-domain yearly caps (lib/spend/recipient-caps.ts): one domain's sends in a year.
    index("sends_recipient_domain_created_idx").on(sql`split_part(${t.recipientEmail}, '@', 2)`, t.createdAt),
    // History filters and search at a million rows (bench/history): newest-first walks per touch and
    // per Sendoso bucket, and a GIN index for word-prefix search on the recipient.
    index("sends_touch_created_idx").on(t.touchId, t.createdAt.desc(), t.id.desc()),
    index("sends_bucket_created_idx").on(t.statusBucket, t.createdAt.desc(), t.id.desc()),
    index("sends_search_idx").using("gin", sendSearchDocument(t)),
    index("sends_state_idx")
      .on(t.state)
      .where(sql`${t.state} in ('pending_approval', 'queued', 'in_flight', 'unknown')`),
    // One upstream send belongs to at most one of ours: the reconciler never adopts a taken gid twice.
    uniqueIndex("sends_gid_unique").on(t.sendosoSendGid).where(sql`${t.sendosoSendGid} is not null`),
    index("sends_tracking_code_idx").on(t.trackingCode).where(sql`${t.trackingCode} is not null`),
    // The reconciler loads every send whose POST fell in the time range it read (competitors by window).
    index("sends_in_flight_at_idx").on(t.inFlightAt).where(sql`${t.inFlightAt} is not null`),
    // The reconciler's "asked to look at" list (webhooks, Check now) without scanning every send.
    index("sends_sync_requested_idx").on(t.syncRequestedAt).where(sql`${t.syncRequestedAt} is not null`),
    // Dashboard and budget sums: one team's sends in a period, by state.
    index("sends_team_state_created_idx").on(t.team, t.statusBucket, t.createdAt),
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
