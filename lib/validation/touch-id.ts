import { z } from "zod";

/** The largest touch id the database stores (touch_id columns are PostgreSQL `integer`). */
export const MAX_TOUCH_ID = 2_147_483_647;

/**
 * A touch id as every form and action takes it (a select's string or a number): a larger id than the
 * column holds would fail the write (a 500), not the form, so it is refused here like any bad choice.
 */
export const touchIdField = z.coerce
  .number({ error: "Choose a touch" })
  .int("Choose a touch")
  .positive("Choose a touch")
  .max(MAX_TOUCH_ID, "Choose a touch");
