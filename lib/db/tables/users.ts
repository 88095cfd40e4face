import { sql } from "drizzle-orm";
import { check, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, inList } from "./common";

export const ROLES = ["rep", "manager", "admin"] as const;
export type Role = (typeof ROLES)[number];

/**
 * Where a user's role and team came from: the IdP's groups at their last sign-in (`idp`), an admin in
 * /admin/users (`admin`), AUTH_BOOTSTRAP_ADMINS (`bootstrap`), or nobody yet (`default`: a rep, no team).
 * The last three only with AUTH_ROLE_SOURCE=app.
 */
export const ROLE_SOURCES = ["idp", "admin", "bootstrap", "default"] as const;
export type RoleSource = (typeof ROLE_SOURCES)[number];

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
    roleSource: text("role_source").$type<RoleSource>().notNull().default("idp"),
    /**
     * A session signed in at or before this instant is over (sign-out, "sign out everywhere", suspend):
     * checked on the user read every request already makes, so the JWT cookie cannot outlive it.
     */
    sessionsValidAfter: timestamp("sessions_valid_after", { withTimezone: true, precision: 3 }),
    /** Set by an admin: refused at sign-in and on every request until restored. */
    suspendedAt: timestamp("suspended_at", { withTimezone: true, precision: 3 }),
  },
  (t) => [
    uniqueIndex("users_issuer_subject_key").on(t.issuer, t.subject),
    check("users_role_check", sql`${t.role} in (${inList(ROLES)})`),
    check("users_role_source_check", sql`${t.roleSource} in (${inList(ROLE_SOURCES)})`),
  ],
);
