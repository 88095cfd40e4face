import { can } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { NOTIFICATION_CATEGORIES, type User } from "@/lib/db/schema";
import { CATEGORY_INFO } from "./categories";
import { getEmailPreferences } from "./preferences";

/** The settings page's rows: every category this user can receive, with its current email choice. */
export async function emailPreferenceRowsFor(db: Db, user: Pick<User, "id" | "role">) {
  const prefs = await getEmailPreferences(db, user.id);
  const approver = can(user.role, "approve_sends");
  return NOTIFICATION_CATEGORIES.filter((c) => approver || CATEGORY_INFO[c].audience === "everyone").map(
    (category) => ({
      category,
      label: CATEGORY_INFO[category].label,
      description: CATEGORY_INFO[category].description,
      email: prefs[category],
    }),
  );
}
