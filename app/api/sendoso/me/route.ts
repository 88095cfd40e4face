import { NextResponse } from "next/server";
import { currentUser } from "@/lib/auth/session";
import { getConfig } from "@/lib/env";
import {
  getSendosoClientFor,
  SendosoNeedsReconnectError,
  SendosoNotConnectedError,
  sendosoDisplayName,
} from "@/lib/sendoso";

/** The header's Sendoso chip: who the rep sends as, and the balance. Never tokens. */
export async function GET() {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: "Sign in to continue." }, { status: 401 });
  try {
    const { client, connection } = await getSendosoClientFor(user.id);
    const me = await client.me();
    return NextResponse.json({
      status: "connected",
      name: sendosoDisplayName(me),
      email: me.email,
      balance: me.balance ?? null,
      currency: getConfig().currency,
      shared: connection.shared,
    });
  } catch (error) {
    if (error instanceof SendosoNotConnectedError) return NextResponse.json({ status: "not_connected" });
    if (error instanceof SendosoNeedsReconnectError) return NextResponse.json({ status: "needs_reconnect" });
    return NextResponse.json({ status: "unavailable" });
  }
}
