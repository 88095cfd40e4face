import { NextResponse } from "next/server";
import { currentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { unreadCount } from "@/lib/notifications/inbox";

/** The header bell's poll: the caller's own unread count, never cached. */
export async function GET() {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: "Sign in to continue." }, { status: 401 });
  const unread = await unreadCount(await getDb(), user.id);
  return NextResponse.json({ unread }, { headers: { "Cache-Control": "private, no-store" } });
}
