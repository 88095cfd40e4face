"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db";
import { markAllRead, markRead } from "@/lib/notifications/inbox";
import { markAllNotificationsReadSchema, markNotificationsReadSchema } from "@/lib/validation/notifications";

/** Marks the caller's own notifications read; ids of anyone else's change nothing (`marked` says how many did). */
export const markNotificationsRead = defineAction(
  {
    schema: markNotificationsReadSchema,
    permission: "use_notifications",
    sameOriginOnly: true,
    failureMessage: "Gift Desk could not mark this read. Try again.",
  },
  async (user, { ids }) => {
    const marked = await markRead(await getDb(), user.id, ids);
    revalidatePath("/notifications");
    return { marked };
  },
);

export const markAllNotificationsRead = defineAction(
  {
    schema: markAllNotificationsReadSchema,
    permission: "use_notifications",
    sameOriginOnly: true,
    failureMessage: "Gift Desk could not mark your notifications read. Try again.",
  },
  async (user) => {
    const marked = await markAllRead(await getDb(), user.id);
    revalidatePath("/notifications");
    return { marked };
  },
);
