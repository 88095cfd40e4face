import { type NextRequest, NextResponse } from "next/server";
import { currentRequestId } from "@/lib/audit/request-id";
import { can } from "@/lib/auth/permissions";
import { currentUser } from "@/lib/auth/session";
import { log } from "@/lib/log";
import { finishSendosoConnect, OAuthStateError, SendosoOAuthError } from "@/lib/sendoso";

/**
 * Sendoso sends the rep back here (`${AUTH_URL}/api/sendoso/oauth/callback`). The state must be the
 * one we signed for this same signed-in user; the code is exchanged server-side and the tokens stored
 * encrypted. Every outcome lands on the settings page with a message.
 */
export async function GET(request: NextRequest) {
  const back = (outcome: string) =>
    NextResponse.redirect(new URL(`/settings?sendoso=${outcome}`, request.url));
  const user = await currentUser();
  if (!user) return NextResponse.redirect(new URL("/signin", request.url));
  if (!can(user.role, "connect_own_sendoso")) return back("forbidden");

  const params = request.nextUrl.searchParams;
  if (params.get("error")) return back("denied");
  const code = params.get("code");
  const state = params.get("state");
  if (!code || !state) return back("invalid");
  try {
    await finishSendosoConnect({
      userId: user.id,
      isAdmin: can(user.role, "manage_shared_sendoso"),
      code,
      state,
      requestId: await currentRequestId(),
    });
    return back("connected");
  } catch (error) {
    if (error instanceof OAuthStateError) return back("invalid");
    if (error instanceof SendosoOAuthError) return back("failed");
    log.error({ errorName: (error as Error).name }, "sendoso connect failed");
    return back("failed");
  }
}
