import NextAuth, { type NextAuthConfig } from "next-auth";
import { currentRequestId } from "@/lib/audit/request-id";
import { getDb } from "@/lib/db";
import { getConfig } from "@/lib/env";
import {
  IDLE_TIMEOUT_S,
  RENEW_AFTER_S,
  sessionCookieOptions,
  withinAbsoluteLifetime,
} from "./session-policy";
import { admitSignIn } from "./sign-in";

export type { SignInRefusal } from "./sign-in";

function buildAuthConfig(): NextAuthConfig {
  const config = getConfig();
  const { auth } = config;
  return {
    secret: auth.secret,
    trustHost: true,
    session: { strategy: "jwt", maxAge: IDLE_TIMEOUT_S, updateAge: RENEW_AFTER_S },
    cookies: sessionCookieOptions(auth.url),
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      {
        id: "oidc",
        name: auth.providerName,
        type: "oidc",
        issuer: auth.issuer,
        clientId: auth.clientId,
        clientSecret: auth.clientSecret,
        checks: ["pkce", "state", "nonce"],
        authorization: { params: { scope: auth.scope } },
        // Validate the ID token, then read claims from userinfo: works whichever one carries them.
        idToken: false,
      },
    ],
    callbacks: {
      async signIn({ profile }) {
        const verdict = await admitSignIn(
          await getDb(),
          profile ?? {},
          { ...auth, signInsPerMinute: config.limits.signInsPerMinute },
          await currentRequestId(),
        );
        if (!verdict.ok) return `/signin?error=${verdict.reason}`;
        // Carried to the jwt callback, which runs next in the same request.
        if (profile) profile.giftDeskUserId = verdict.user.id;
        return true;
      },
      jwt({ token, profile }) {
        if (profile && typeof profile.giftDeskUserId === "string") {
          token.uid = profile.giftDeskUserId;
          token.signedInAt = Date.now();
        }
        if (!withinAbsoluteLifetime(token.signedInAt)) return null;
        return token;
      },
      session({ session, token }) {
        if (typeof token.uid === "string") session.user.id = token.uid;
        return session;
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => buildAuthConfig());
