import { type NextRequest, NextResponse } from "next/server";
import { currentRequestId } from "@/lib/audit/request-id";
import { can } from "@/lib/auth/permissions";
import { currentUser } from "@/lib/auth/session";
import { log } from "@/lib/log";
import {
  finishSendosoConnect,
  getConnectReturnPath,
  OAuthStateError,
  SendosoOAuthError,
} from "@/lib/sendoso";
import { withQueryParam } from "@/lib/validation/return-path";

/**
 * Sendoso sends the rep back here (`${AUTH_URL}/api/sendoso/oauth/callback`). The state must be the
 * one we signed for this same signed-in user; the code is exchanged server-side and the tokens stored
 * encrypted. The user goes back to the page they started from (named in the signed state) with
 * `?sendoso=<outcome>`; without a valid state to name one, to the settings page, which explains it.
 */
export async function GET(request: NextRequest) {
  const user = await currentUser();
  if (!user) return NextResponse.redirect(new URL("/signin", request.url));
  const params = request.nextUrl.searchParams;
  const code = params.get("code");
  const state = params.get("state");
  const returnTo = (state && (await getConnectReturnPath(state, user.id))) || "/settings";
  const back = (outcome: string) =>
    NextResponse.redirect(new URL(withQueryParam(returnTo, "sendoso", outcome), request.url));
  if (!can(user.role, "connect_own_sendoso")) return back("forbidden");

  if (params.get("error")) return back("denied");
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
