import { NextResponse } from "next/server";
import { userRoute } from "@/lib/auth/route";
import { getDb } from "@/lib/db";
import { unreadCount } from "@/lib/notifications/inbox";

/** The header bell's poll: the caller's own unread count, never cached. */
export const GET = userRoute({}, async (user) => {
  const unread = await unreadCount(await getDb(), user.id);
  return NextResponse.json({ unread }, { headers: { "Cache-Control": "private, no-store" } });
});
