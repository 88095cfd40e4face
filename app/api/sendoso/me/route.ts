import { NextResponse } from "next/server";
import { userRoute } from "@/lib/auth/route";
import { getConfig } from "@/lib/env";
import { tooManyReads } from "@/lib/security/too-many";
import {
  getSendosoClientFor,
  ReadLimitedError,
  SendosoNeedsReconnectError,
  SendosoNotConnectedError,
  sendosoDisplayName,
  sendosoReadGuard,
} from "@/lib/sendoso";

/**
 * The header's Sendoso chip: who the rep sends as, and the balance. Never tokens. On the caller's own
 * connection, cached briefly per connection and limited per user (issue 16), so refreshing tabs cannot
 * crowd out anyone's sends.
 */
export const GET = userRoute({}, async (user) => {
  try {
    const { client, connection } = await getSendosoClientFor(user.id);
    const me = await sendosoReadGuard().read(user.id, `me:${connection.id}`, () => client.me());
    return NextResponse.json({
      status: "connected",
      name: sendosoDisplayName(me),
      email: me.email,
      balance: me.balance ?? null,
      currency: getConfig().currency,
      shared: connection.shared,
    });
  } catch (error) {
    if (error instanceof ReadLimitedError) return tooManyReads(error.retryAfterMs);
    if (error instanceof SendosoNotConnectedError) return NextResponse.json({ status: "not_connected" });
    if (error instanceof SendosoNeedsReconnectError) return NextResponse.json({ status: "needs_reconnect" });
    return NextResponse.json({ status: "unavailable" });
  }
});
