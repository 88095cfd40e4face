import "server-only";
import { and, asc, eq, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type MessageTemplate, messageTemplates, type User } from "@/lib/db/schema";
import { listTeams } from "@/lib/sends/history-options";
import { isUniqueViolation, type SettingsResult } from "@/lib/spend/settings-types";
import type { MessageTemplateValues } from "@/lib/validation/messages";
import { mayManageTeamMessages, mayManageTemplate } from "./permissions";

type Caller = Pick<User, "id" | "role" | "team">;

/** What the send form and the settings list show: plain data, safe for the browser. */
export type TemplateOption = {
  id: string;
  name: string;
  body: string;
  locked: boolean;
  /** The team's name for a team message; null for one's own. */
  team: string | null;
};

const toOption = (t: MessageTemplate): TemplateOption => ({
  id: t.id,
  name: t.name,
  body: t.body,
  locked: t.locked,
  team: t.team,
});

const ownOrTeam = (user: Caller): SQL => {
  const own = eq(messageTemplates.userId, user.id);
  return user.team ? (or(own, eq(messageTemplates.team, user.team)) as SQL) : own;
};

/** The messages this caller may send with: their team's first, then their own; by name. */
export async function templatesForSending(db: Db, user: Caller): Promise<TemplateOption[]> {
  const rows = await db
    .select()
    .from(messageTemplates)
    .where(ownOrTeam(user))
    .orderBy(sql`${messageTemplates.team} is null`, asc(messageTemplates.name));
  return rows.map(toOption);
}

/** The messages this caller may change: their own, their team's (managers) or every team's (admins). */
export async function templatesToManage(db: Db, user: Caller): Promise<TemplateOption[]> {
  const where =
    user.role === "admin"
      ? or(eq(messageTemplates.userId, user.id), isNull(messageTemplates.userId))
      : mayManageTeamMessages(user, user.team ?? "")
        ? ownOrTeam(user)
        : eq(messageTemplates.userId, user.id);
  const rows = await db
    .select()
    .from(messageTemplates)
    .where(where)
    .orderBy(sql`${messageTemplates.team} is null`, asc(messageTemplates.team), asc(messageTemplates.name));
  return rows.map(toOption);
}

const duplicate = (): SettingsResult<TemplateOption> => ({
  status: "invalid",
  fieldErrors: { name: ["There is already a message with this name"] },
});

/**
 * Creates or changes a saved message. A manager's team message is always their own team's, whatever
 * the form says; a change needs the right to the message as stored, not only as sent.
 */
export async function saveTemplate(
  db: Db,
  user: Caller,
  values: MessageTemplateValues,
): Promise<SettingsResult<TemplateOption>> {
  const team = values.scope === "team" ? (user.role === "admin" ? values.team : (user.team ?? "")) : null;
  if (team !== null && (!team || !mayManageTeamMessages(user, team))) {
    return { status: "invalid", fieldErrors: { scope: ["You cannot write messages for this team"] } };
  }
  const owner = { team, userId: team === null ? user.id : null };
  const fields = { ...owner, name: values.name, body: values.body, locked: team !== null && values.locked };
  try {
    if (!values.id) {
      const [row] = await db
        .insert(messageTemplates)
        .values({ ...fields, updatedBy: user.id })
        .returning();
      return row ? { status: "saved", row: toOption(row) } : { status: "not_found" };
    }
    const [current] = await db.select().from(messageTemplates).where(eq(messageTemplates.id, values.id));
    if (!current || !mayManageTemplate(user, current)) return { status: "not_found" };
    const [row] = await db
      .update(messageTemplates)
      .set({ ...fields, updatedBy: user.id, updatedAt: new Date() })
      .where(eq(messageTemplates.id, values.id))
      .returning();
    return row ? { status: "saved", row: toOption(row) } : { status: "not_found" };
  } catch (error) {
    if (isUniqueViolation(error)) return duplicate();
    throw error;
  }
}

export async function deleteTemplate(
  db: Db,
  user: Caller,
  id: string,
): Promise<SettingsResult<TemplateOption>> {
  const [current] = await db.select().from(messageTemplates).where(eq(messageTemplates.id, id));
  if (!current || !mayManageTemplate(user, current)) return { status: "not_found" };
  const [row] = await db
    .delete(messageTemplates)
    .where(and(eq(messageTemplates.id, id)))
    .returning();
  return row ? { status: "deleted", row: toOption(row) } : { status: "not_found" };
}

/** One saved message, if this caller may send with it. */
export async function templateForSending(db: Db, user: Caller, id: string): Promise<MessageTemplate | null> {
  const [row] = await db
    .select()
    .from(messageTemplates)
    .where(and(eq(messageTemplates.id, id), ownOrTeam(user)));
  return row ?? null;
}

/** Teams this caller may write saved messages for: every team (admin), their own (manager), none. */
export async function teamsForMessages(db: Db, user: Caller): Promise<string[]> {
  if (user.role === "admin") return listTeams(db);
  return user.team && mayManageTeamMessages(user, user.team) ? [user.team] : [];
}
