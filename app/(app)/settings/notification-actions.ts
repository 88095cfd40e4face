"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db";
import { NOTIFICATION_CATEGORIES } from "@/lib/db/schema";
import { type EmailPreferences, saveEmailPreferences } from "@/lib/notifications/preferences";
import { emailPreferencesSchema } from "@/lib/validation/notifications";

/** Saves the caller's own email choice for every category (the ones listed in `off` are switched off). */
export const saveEmailPreferencesAction = defineAction(
  {
    schema: emailPreferencesSchema,
    permission: "use_notifications",
    sameOriginOnly: true,
    failureMessage: "Gift Desk could not save your email preferences. Nothing changed; try again.",
  },
  async (user, { off }) => {
    const prefs = Object.fromEntries(
      NOTIFICATION_CATEGORIES.map((category) => [category, !off.includes(category)]),
    ) as EmailPreferences;
    await saveEmailPreferences(await getDb(), user.id, prefs);
    revalidatePath("/settings");
    return { saved: true };
  },
);
