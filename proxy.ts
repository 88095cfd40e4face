import { type NextRequest, NextResponse } from "next/server";
import { REQUEST_ID_HEADER, requestIdFor } from "@/lib/audit/request-id";
import { getConfig, isDevelopment } from "@/lib/env";
import { contentSecurityPolicy } from "@/lib/security/headers";

/**
 * Three jobs, none of them security-critical on its own:
 * - a per-request CSP nonce on every page, action and route handler response;
 * - a request id (`x-request-id`, taken from TRUSTED_REQUEST_ID_HEADER when your proxy sets it, else
 *   generated; never the client's own) passed on to the app, which stamps audit entries with it, and
 *   echoed on the response;
 * - convenience redirects of visitors without a session cookie to sign-in. Every page, action and route
 *   handler checks the session itself (lib/auth/session.ts); nothing relies on this redirect.
 */
const SESSION_COOKIES = [
  "authjs.session-token",
  "__Secure-authjs.session-token",
  "__Host-authjs.session-token",
];
const PUBLIC_PATHS = [/^\/signin(\/|$)/, /^\/api\//];

function hasSessionCookie(request: NextRequest): boolean {
  return SESSION_COOKIES.some((name) => request.cookies.has(name) || request.cookies.has(`${name}.0`));
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const requestId = requestIdFor(request.headers, getConfig().trustedRequestIdHeader);
  const csp = contentSecurityPolicy(nonce, {
    development: isDevelopment,
    identityProviderOrigin: new URL(getConfig().auth.issuer).origin,
  });

  let response: NextResponse;
  if (!hasSessionCookie(request) && !PUBLIC_PATHS.some((p) => p.test(pathname))) {
    const signIn = new URL("/signin", request.url);
    signIn.searchParams.set("callbackUrl", pathname + search);
    response = NextResponse.redirect(signIn);
  } else {
    // Next reads the policy from the request to put the nonce on the scripts it renders.
    const headers = new Headers(request.headers);
    headers.set("x-nonce", nonce);
    headers.set(REQUEST_ID_HEADER, requestId);
    headers.set("Content-Security-Policy", csp);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

/**
 * Everything except the files Next serves itself (issue 16): the build's static assets, the image
 * optimizer and the favicon. Matching by extension instead would skip the CSP and request id for any
 * page or route whose URL merely ends in `.txt` or `.svg`. The root files of public/ are listed by
 * name; a file added there must be listed here too.
 */
export const config = {
  matcher: [
    "/((?!_next/static/|_next/image(?:$|\\?)|(?:favicon\\.ico|icon\\.svg|icon-(?:192|512)\\.png|apple-icon\\.png|manifest\\.webmanifest)$).*)",
  ],
};
