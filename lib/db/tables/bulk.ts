import { sql } from "drizzle-orm";
import {
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
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, inList } from "./common";
import { sends } from "./sends";
import { users } from "./users";

/**
 * A bulk send (issue 12): `draft` (uploaded, being reviewed) → `running` (started: every kept row is
 * `pending`) ⇄ `paused` → `completed` | `cancelled`. A batch over a threshold or a budget that allows
 * approval goes `draft` → `pending_approval` → `running` (approved) | `rejected`. Rows become ordinary
 * sends one by one through the single-send path (lib/sends/send-service.ts submitSend), each with its
 * own idempotency key.
 */
export const BULK_BATCH_STATES = [
  "draft",
  "pending_approval",
  "running",
  "paused",
  "completed",
  "cancelled",
  "rejected",
] as const;
export type BulkBatchState = (typeof BULK_BATCH_STATES)[number];

/** `draft` rows can be fixed or dropped; `pending` → `claimed` (a worker took it) → `done`. */
export const BULK_ROW_STATES = ["draft", "dropped", "pending", "claimed", "done", "cancelled"] as const;
export type BulkRowState = (typeof BULK_ROW_STATES)[number];

/** What the rep chose once for the whole batch (touch, delivery options, message template). */
export type BulkSettings = {
  touchId: number;
  sendType: "address_collection" | "known_address" | "egift";
  messageTemplate: string;
  /** Delivery options of the send type (expiry, confirmation via, …), as the single-send form names them. */
  options: Record<string, string | number | boolean>;
  /** The rep saw the repeat-recipient warnings and sends to those rows anyway. */
  confirmRepeatRecipients: boolean;
};

export const bulkBatches = pgTable(
  "bulk_batches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    senderId: uuid("sender_id")
      .notNull()
      .references(() => users.id),
    team: text("team"),
    fileName: text("file_name").notNull(),
    state: text("state").$type<BulkBatchState>().notNull().default("draft"),
    settings: jsonb("settings").$type<BulkSettings>(),
    /** The touch as every row's send records it (name, per-row estimate), fixed at start. */
    pricing: jsonb("pricing").$type<{
      name: string;
      estimate: { amount: number | null; isGuess: boolean };
    }>(),
    /** Per-row estimate × rows at start (null: unpriced touch). */
    estimatedTotal: numeric("estimated_total", { precision: 12, scale: 2 }),
    /**
     * Waiting for approval because it does not fit a budget: like an over-budget single send, it holds
     * no reservation until an approver overrides (then false).
     */
    overBudget: boolean("over_budget").notNull().default(false),
    /** Why it waits for approval (the single-send reasons: threshold, over_budget, no_estimate, teamless). */
    approvalReason: text("approval_reason"),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** The approver's reason for rejecting the batch. */
    decisionReason: text("decision_reason"),
    createdAt: createdAt(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("bulk_batches_sender_created_idx").on(t.senderId, t.createdAt.desc()),
    index("bulk_batches_team_created_idx").on(t.team, t.createdAt.desc()),
    index("bulk_batches_active_idx").on(t.state).where(sql`${t.state} = 'running'`),
    check("bulk_batches_state_check", sql`${t.state} in (${inList(BULK_BATCH_STATES)})`),
  ],
);

export const bulkRows = pgTable(
  "bulk_rows",
  {
    batchId: uuid("batch_id")
      .notNull()
      .references(() => bulkBatches.id),
    /** 1-based data row of the uploaded file (the header is row 0). */
    rowNumber: integer("row_number").notNull(),
    /** The mapped cells, as text exactly as uploaded (formulas included: never evaluated). */
    cells: jsonb("cells").$type<Record<string, string>>().notNull(),
    state: text("state").$type<BulkRowState>().notNull().default("draft"),
    /** Derived from batch id + row number at start (lib/bulk/row-key.ts). */
    idempotencyKey: uuid("idempotency_key"),
    /**
     * The row's share of the batch reservation became its own send's reservation, in the transaction
     * that recorded the send (lib/spend/batch-reservations.ts): from then on only the send counts.
     */
    reservationUsed: boolean("reservation_used").notNull().default(false),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    /** The ordinary send this row became (null: refused before one was recorded, see `outcome`). */
    sendId: uuid("send_id").references(() => sends.id),
    /** submitSend's status for the row (sent, failed, unknown, over_budget, needs_confirmation, …). */
    outcome: text("outcome"),
    error: text("error"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.batchId, t.rowNumber] }),
    index("bulk_rows_batch_state_idx").on(t.batchId, t.state, t.rowNumber),
    index("bulk_rows_send_idx").on(t.sendId),
    check("bulk_rows_state_check", sql`${t.state} in (${inList(BULK_ROW_STATES)})`),
  ],
);

export type BulkBatch = typeof bulkBatches.$inferSelect;
export type BulkRow = typeof bulkRows.$inferSelect;
