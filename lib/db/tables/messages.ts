import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./common";
import { users } from "./users";

/**
 * Saved messages for the send form: a team's (written by its managers or an admin; `team` set, `user_id`
 * null) or one rep's own (`user_id` set, `team` null). A locked team message is sent exactly as written
 * (its variables filled in): the form will not let the rep edit it and the send action refuses an edit.
 */
export const messageTemplates = pgTable(
  "message_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    team: text("team"),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    body: text("body").notNull(),
    locked: boolean("locked").notNull().default(false),
    updatedBy: uuid("updated_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("message_templates_team_name_key").on(t.team, t.name).where(sql`${t.userId} is null`),
    uniqueIndex("message_templates_user_name_key").on(t.userId, t.name).where(sql`${t.team} is null`),
    index("message_templates_user_idx").on(t.userId),
    check("message_templates_owner_check", sql`(${t.team} is null) <> (${t.userId} is null)`),
    check("message_templates_locked_check", sql`not ${t.locked} or ${t.team} is not null`),
  ],
);
