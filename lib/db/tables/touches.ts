import { sql } from "drizzle-orm";
import { check, customType, integer, numeric, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { inList } from "./common";
import { users } from "./users";

/** Raw bytes (PostgreSQL `bytea`); both drivers hand back a Uint8Array (a Buffer on node-postgres). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

export const TOUCH_KINDS = ["egift", "physical"] as const;
export const TOUCH_IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export type TouchImageType = (typeof TOUCH_IMAGE_TYPES)[number];

/**
 * What an admin adds to a Sendoso touch so reps can pick it from a card (issue 17 item 1): Sendoso's
 * touch list has no picture, no physical price and no "good for". `name` and `kind` are kept from the
 * last time the touch was listed, so a card whose touch Sendoso stops listing can still say so.
 */
export const touchCards = pgTable(
  "touch_cards",
  {
    touchId: integer("touch_id").primaryKey(),
    name: text("name").notNull(),
    kind: text("kind").$type<(typeof TOUCH_KINDS)[number]>().notNull(),
    description: text("description").notNull().default(""),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    shipTo: text("ship_to").array().notNull().default(sql`'{}'::text[]`),
    /** The price reps see (display only; budgets count the estimate on /admin/spend). */
    displayPrice: numeric("display_price", { precision: 12, scale: 2 }),
    /** sha-256 of the current picture (hex), in its URL so the browser may cache it for good. */
    imageHash: text("image_hash"),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("touch_cards_kind_check", sql`${t.kind} in (${inList(TOUCH_KINDS)})`),
    check("touch_cards_description_check", sql`char_length(${t.description}) <= 280`),
  ],
);

/** One picture per card, apart from the card so listing cards never reads the bytes. */
export const touchImages = pgTable(
  "touch_images",
  {
    touchId: integer("touch_id")
      .primaryKey()
      .references(() => touchCards.touchId, { onDelete: "cascade" }),
    hash: text("hash").notNull(),
    contentType: text("content_type").$type<TouchImageType>().notNull(),
    bytes: bytea("bytes").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("touch_images_type_check", sql`${t.contentType} in (${inList(TOUCH_IMAGE_TYPES)})`),
    // The upload limit (1 MB), kept by the table too.
    check("touch_images_size_check", sql`octet_length(${t.bytes}) <= 1048576`),
  ],
);
