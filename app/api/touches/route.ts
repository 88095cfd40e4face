import { NextResponse } from "next/server";
import { currentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { priceFormat } from "@/lib/i18n/price-format";
import { listActiveTouches } from "@/lib/sendoso";
import { pricedTouchOptions } from "@/lib/sends/priced-touch-options";

/** The touch picker's background refresh. Signed-in users only; touch data carries no secrets. */
export async function GET() {
  if (!(await currentUser())) return NextResponse.json({ error: "Sign in to continue." }, { status: 401 });
  try {
    const touches = await listActiveTouches();
    return NextResponse.json({
      touches: await pricedTouchOptions(await getDb(), touches, new Date(), await priceFormat()),
    });
  } catch {
    return NextResponse.json({ error: "Sendoso is not answering. Try again in a minute." }, { status: 502 });
  }
}
