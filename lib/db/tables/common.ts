import { sql } from "drizzle-orm";
import { timestamp } from "drizzle-orm/pg-core";

// Millisecond precision so a keyset cursor carried in a JS Date matches the stored value exactly.
export const createdAt = () =>
  timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow();
/** A constant list for a CHECK constraint (values are our own enums, never user input). */
export const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));
