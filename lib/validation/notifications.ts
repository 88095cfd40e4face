import { z } from "zod";
import { NOTIFICATION_CATEGORIES } from "@/lib/db/schema";

/** At most one inbox page at a time; ids are the caller's own (the query checks). */
export const markNotificationsReadSchema = z.object({
  ids: z.array(z.coerce.number().int().positive()).min(1).max(100),
});

export const markAllNotificationsReadSchema = z.object({});

/** The categories whose email the user switched off; every other category stays on. */
export const emailPreferencesSchema = z.object({
  off: z.array(z.enum(NOTIFICATION_CATEGORIES)).max(NOTIFICATION_CATEGORIES.length),
});
export type EmailPreferencesInput = z.output<typeof emailPreferencesSchema>;
