import { NextResponse } from "next/server";
import { userRoute } from "@/lib/auth/route";
import { getDb } from "@/lib/db";
import { priceFormat } from "@/lib/i18n/price-format";
import { tooManyReads } from "@/lib/security/too-many";
import {
  getSendosoClientFor,
  listActiveTouches,
  ReadLimitedError,
  SendosoNeedsReconnectError,
  SendosoNotConnectedError,
  sendosoReadGuard,
} from "@/lib/sendoso";
import { pricedTouchOptions } from "@/lib/sends/priced-touch-options";

/**
 * The touch picker's background refresh. Signed-in users only; touch data carries no secrets. Read on
 * the caller's own connection (never the sandbox token), cached briefly per connection and limited per
 * user (issue 16).
 */
export const GET = userRoute({}, async (user) => {
  try {
    const opened = await getSendosoClientFor(user.id);
    const touches = await sendosoReadGuard().read(user.id, `touches:${opened.connection.id}`, () =>
      listActiveTouches(user.id, opened),
    );
    return NextResponse.json({
      touches: await pricedTouchOptions(await getDb(), touches, new Date(), await priceFormat()),
    });
  } catch (error) {
    if (error instanceof ReadLimitedError) return tooManyReads(error.retryAfterMs);
    if (error instanceof SendosoNotConnectedError || error instanceof SendosoNeedsReconnectError) {
      return NextResponse.json({ error: error.message }, { status: 409 });
    }
    return NextResponse.json({ error: "Sendoso is not answering. Try again in a minute." }, { status: 502 });
  }
});
