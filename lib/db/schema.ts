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
    index("sends_state_idx")
      .on(t.state)
      .where(sql`${t.state} in ('pending_approval', 'queued', 'in_flight', 'unknown')`),
    index("sends_gid_idx").on(t.sendosoSendGid),
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

/**
 * A lease per background job, so two instances (or a cron call during an in-process run) never run the
 * same job at once. `state` keeps what a job needs between runs (e.g. the reconciler's high-water mark).
 */
export const jobLeases = pgTable("job_leases", {
  name: text("name").primaryKey(),
  holder: text("holder"),
  leaseUntil: timestamp("lease_until", { withTimezone: true }).notNull().default(sql`'epoch'`),
  lastStartedAt: timestamp("last_started_at", { withTimezone: true }),
  lastFinishedAt: timestamp("last_finished_at", { withTimezone: true }),
  lastResult: jsonb("last_result").$type<Record<string, unknown>>(),
  state: jsonb("state").$type<Record<string, unknown>>(),
});

export const BUDGET_PERIODS = ["monthly", "quarterly"] as const;
export type BudgetPeriod = (typeof BUDGET_PERIODS)[number];

/**
 * A spending limit for a team (`user_id` null) or one rep. What a send counts against it is its actual
 * cost once known, else its estimate, while it is pending approval, queued, in flight, sent or unknown.
 */
export const budgets = pgTable(
  "budgets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    team: text("team"),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    period: text("period").$type<BudgetPeriod>().notNull().default("monthly"),
    amount: numeric("amount", { precision: 12, scale: 2 }).notNull(),
    currency: text("currency").notNull().default("USD"),
    /** Over budget: send the request to an approver instead of refusing it. */
    overBudgetNeedsApproval: boolean("over_budget_needs_approval").notNull().default(false),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("budgets_team_key").on(t.team).where(sql`${t.userId} is null`),
    uniqueIndex("budgets_user_key").on(t.userId),
    check("budgets_owner_check", sql`(${t.team} is null) <> (${t.userId} is null)`),
    check("budgets_period_check", sql`${t.period} in (${inList(BUDGET_PERIODS)})`),
    check("budgets_amount_check", sql`${t.amount} >= 0`),
  ],
);

/** Per team: sends estimated above `threshold` wait for a manager of the team, or the fallback approver. */
export const approvalPolicies = pgTable("approval_policies", {
  team: text("team").primaryKey(),
  threshold: numeric("threshold", { precision: 12, scale: 2 }).notNull(),
  fallbackApproverId: uuid("fallback_approver_id").references(() => users.id, { onDelete: "set null" }),
  /** Pending longer than this reminds the approvers. */
  remindAfterHours: integer("remind_after_hours").notNull().default(24),
  updatedBy: uuid("updated_by").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** An admin's estimate for a physical touch, whose price Sendoso's touch list does not give. */
export const touchCostEstimates = pgTable("touch_cost_estimates", {
  touchId: integer("touch_id").primaryKey(),
  amount: numeric("amount", { precision: 12, scale: 2 }).notNull(),
  updatedBy: uuid("updated_by").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const NOTIFICATION_CATEGORIES = [
  "approval_needed",
  "approval_reminder",
  "send_approved",
  "send_rejected",
  "send_failed",
  "unknown_resolved",
  "waiting_on_recipient",
  "budget_threshold",
  "needs_checking",
] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

/** The in-app inbox. `dedupe_key` (per user) stops a job that runs twice from notifying twice. */
export const notifications = pgTable(
  "notifications",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    category: text("category").$type<NotificationCategory>().notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    link: text("link"),
    dedupeKey: text("dedupe_key"),
    createdAt: createdAt(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.createdAt.desc()),
    uniqueIndex("notifications_dedupe_key").on(t.userId, t.dedupeKey),
  ],
);

/** A user's choice to get (or not) email for a category. No row: email on. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    category: text("category").$type<NotificationCategory>().notNull(),
    email: boolean("email").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.category] })],
);

export const EMAIL_STATUSES = ["pending", "sent", "failed"] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** Emails to deliver, written with the notification so none is lost if SMTP is down; a job sends them. */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    notificationId: bigint("notification_id", { mode: "number" }).references(() => notifications.id, {
      onDelete: "cascade",
    }),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    status: text("status").$type<EmailStatus>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("email_outbox_pending_idx").on(t.id).where(sql`${t.status} = 'pending'`)],
);

/**
 * Append-only record of who did what (issue 7): a trigger refuses UPDATE and DELETE, and the app's
 * database role can be limited to INSERT and SELECT on it (docs in README).
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    actorId: uuid("actor_id"),
    /** Kept as text too: the log must read the same after a user row is gone. */
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    before: jsonb("before").$type<Record<string, unknown>>(),
    after: jsonb("after").$type<Record<string, unknown>>(),
    requestId: text("request_id"),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at.desc(), t.id.desc()),
    index("audit_log_action_at_idx").on(t.action, t.at.desc()),
    index("audit_log_actor_at_idx").on(t.actorId, t.at.desc()),
    index("audit_log_target_idx").on(t.targetType, t.targetId),
  ],
);

export type User = typeof users.$inferSelect;
export type SendosoConnection = typeof sendosoConnections.$inferSelect;
export type Send = typeof sends.$inferSelect;
export type NewSend = typeof sends.$inferInsert;
export type SendEvent = typeof sendEvents.$inferSelect;
export type Budget = typeof budgets.$inferSelect;
export type ApprovalPolicy = typeof approvalPolicies.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
