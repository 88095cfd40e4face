import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./common";
import { users } from "./users";

/**
 * One row per "Connect Sendoso" click (issue 16): the nonce of its signed OAuth `state` and the PKCE
 * code verifier. The callback deletes the row it uses, so a state works once, and only the app that
 * started the flow can trade the code (the verifier never leaves the server).
 */
export const sendosoOauthAttempts = pgTable("sendoso_oauth_attempts", {
  nonce: text("nonce").primaryKey(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  codeVerifier: text("code_verifier").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  createdAt: createdAt(),
});
