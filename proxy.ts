import { type NextRequest, NextResponse } from "next/server";

/**
 * Convenience only: sends visitors without a session cookie to sign-in. Every page, action and route
 * handler checks the session itself (lib/auth/session.ts); nothing relies on this for security.
 */
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some(
    (name) => request.cookies.has(name) || request.cookies.has(`${name}.0`),
  );
  if (hasSession) return NextResponse.next();
  const signIn = new URL("/signin", request.url);
  signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Everything except sign-in, Auth.js routes, Next internals and static files.
  matcher: ["/((?!signin|api/|_next/|favicon.ico|.*\\.(?:svg|png|ico|txt)$).*)"],
};
