import { sql } from "drizzle-orm";
import { bigint, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

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
 * A lease per background job, so two instances (or a cron call during an in-process run) never run the
 * same job at once. `state` keeps what a job needs between runs (e.g. the reconciler's high-water mark).
 */
export const jobLeases = pgTable("job_leases", {
  name: text("name").primaryKey(),
  holder: text("holder"),
  leaseUntil: timestamp("lease_until", { withTimezone: true }).notNull().default(sql`'epoch'`),
  lastStartedAt: timestamp("last_started_at", { withTimezone: true }),
  lastFinishedAt: timestamp("last_finished_at", { withTimezone: true }),
  /** End of the last run that did not throw: /api/ready fails when a job has not succeeded for a while. */
  lastSucceededAt: timestamp("last_succeeded_at", { withTimezone: true }),
  lastResult: jsonb("last_result").$type<Record<string, unknown>>(),
  state: jsonb("state").$type<Record<string, unknown>>(),
});
