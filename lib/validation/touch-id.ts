/** The largest touch id the database stores (touch_id columns are PostgreSQL `integer`). */
export const MAX_TOUCH_ID = 2_147_483_647;
