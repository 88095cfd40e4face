import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { type Role, type User, users } from "@/lib/db/schema";

/**
 * What an admin (or the user, signing out) can do to a user's sessions and standing, each change and its
 * audit entry in one transaction under the row's lock. Sessions end at the user's next request
 * (lib/auth/session-validity.ts), since every request re-reads the row.
 */
export type Actor = { id: string; email: string };
export type UserChange =
  | { status: "done"; user: User }
  | { status: "not_found" }
  | { status: "refused"; reason: string };

async function lockedUser(tx: Db, userId: string): Promise<User | undefined> {
  const [row] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
  return row;
}

async function change(
  db: Db,
  userId: string,
  apply: (tx: Db, user: User) => Promise<User | string>,
): Promise<UserChange> {
  return db.transaction(async (tx) => {
    const user = await lockedUser(tx, userId);
    if (!user) return { status: "not_found" as const };
    const result = await apply(tx, user);
    return typeof result === "string"
      ? { status: "refused" as const, reason: result }
      : { status: "done" as const, user: result };
  });
}

async function update(tx: Db, userId: string, set: Partial<typeof users.$inferInsert>): Promise<User> {
  const [row] = await tx.update(users).set(set).where(eq(users.id, userId)).returning();
  if (!row) throw new Error("user update returned no row");
  return row;
}

/** Sign-out: every session of this user signed in until now ends (the cookie is cleared too). */
export async function recordSignOut(db: Db, userId: string, requestId: string | null): Promise<void> {
  await change(db, userId, async (tx, user) => {
    const row = await update(tx, userId, { sessionsValidAfter: new Date() });
    await recordAudit(tx, {
      actor: { id: user.id, email: user.email },
      action: "user.signed_out",
      target: { type: "user", id: user.id },
      requestId,
    });
    return row;
  });
}

export async function signOutEverywhere(db: Db, admin: Actor, userId: string): Promise<UserChange> {
  return change(db, userId, async (tx, user) => {
    const row = await update(tx, userId, { sessionsValidAfter: new Date() });
    await recordAudit(tx, {
      actor: admin,
      action: "user.signed_out_everywhere",
      target: { type: "user", id: user.id },
    });
    return row;
  });
}

/** Refused at sign-in and on the next request; restoring does not revive old sessions. */
export async function suspendUser(db: Db, admin: Actor, userId: string): Promise<UserChange> {
  return change(db, userId, async (tx, user) => {
    if (user.id === admin.id) return "You cannot suspend yourself.";
    if (user.suspendedAt) return user;
    const now = new Date();
    const row = await update(tx, userId, { suspendedAt: now, sessionsValidAfter: now });
    await recordAudit(tx, {
      actor: admin,
      action: "user.suspended",
      target: { type: "user", id: user.id },
      after: { email: user.email },
    });
    return row;
  });
}

export async function restoreUser(db: Db, admin: Actor, userId: string): Promise<UserChange> {
  return change(db, userId, async (tx, user) => {
    if (!user.suspendedAt) return user;
    const row = await update(tx, userId, { suspendedAt: null });
    await recordAudit(tx, {
      actor: admin,
      action: "user.restored",
      target: { type: "user", id: user.id },
      before: { suspendedAt: user.suspendedAt.toISOString() },
    });
    return row;
  });
}

/**
 * AUTH_ROLE_SOURCE=app only (the caller checks): an admin sets role and team. It applies from the
 * user's next request, since the row is read on every request. An admin cannot demote themselves, so
 * there is always someone left to undo a mistake.
 */
export async function assignRole(
  db: Db,
  admin: Actor,
  userId: string,
  next: { role: Role; team: string | null },
): Promise<UserChange> {
  return change(db, userId, async (tx, user) => {
    if (user.id === admin.id && next.role !== "admin") return "You cannot take away your own admin role.";
    const row = await update(tx, userId, { role: next.role, team: next.team, roleSource: "admin" });
    await recordAudit(tx, {
      actor: admin,
      action: "user.role_changed",
      target: { type: "user", id: user.id },
      before: { role: user.role, team: user.team, roleSource: user.roleSource },
      after: { role: row.role, team: row.team, roleSource: "admin" },
    });
    return row;
  });
}
