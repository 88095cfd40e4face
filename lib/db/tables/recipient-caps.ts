import { sql } from "drizzle-orm";
import { check, numeric, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { inList } from "./common";
import { users } from "./users";

export const OVER_CAP_ACTIONS = ["refuse", "approve"] as const;
export type OverCapAction = (typeof OVER_CAP_ACTIONS)[number];

/**
 * The per-recipient yearly caps (issue 17 item 4, gift-policy compliance): one row (`id = 'org'`). What
 * counts is the reserved + spent value of every send to that email (or any email at that domain) created
 * in the org's calendar year (ORG_TIME_ZONE), whoever sent it. Each cap is off while null.
 */
export const recipientSpendCaps = pgTable(
  "recipient_spend_caps",
  {
    id: text("id").primaryKey().default("org"),
    perEmailYearly: numeric("per_email_yearly", { precision: 12, scale: 2 }),
    perDomainYearly: numeric("per_domain_yearly", { precision: 12, scale: 2 }),
    /** Over a cap: refuse with the numbers, or send the request to an approver (reserving nothing). */
    overCap: text("over_cap").$type<OverCapAction>().notNull().default("refuse"),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("recipient_spend_caps_singleton", sql`${t.id} = 'org'`),
    check("recipient_spend_caps_over_cap_check", sql`${t.overCap} in (${inList(OVER_CAP_ACTIONS)})`),
    check(
      "recipient_spend_caps_amounts_check",
      sql`coalesce(${t.perEmailYearly}, 0) >= 0 and coalesce(${t.perDomainYearly}, 0) >= 0`,
    ),
  ],
);
