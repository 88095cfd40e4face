import type { NextAuthConfig } from "next-auth";
import type { Db } from "@/lib/db/client";
import type { AppConfig } from "@/lib/env";
import { idTokenPayload, mergeClaims } from "./claims";
import {
  IDLE_TIMEOUT_S,
  RENEW_AFTER_S,
  sessionCookieOptions,
  withinAbsoluteLifetime,
} from "./session-policy";
import { admitSignIn } from "./sign-in";
import { recordSignOut } from "./user-admin";

export type AuthDeps = { db: () => Promise<Db>; requestId: () => Promise<string | null> };

/**
 * The Auth.js configuration, apart from NextAuth() so an integration test can run the real callback
 * flow through @auth/core against the dev IdP.
 */
export function buildAuthConfig(config: Pick<AppConfig, "auth" | "limits">, deps: AuthDeps): NextAuthConfig {
  const { auth } = config;
  const rules = { ...auth, signInsPerMinute: config.limits.signInsPerMinute };
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
        // Validate the ID token, then read userinfo. Auth.js then hands the callbacks userinfo only;
        // the signIn callback merges the ID token's claims back in (lib/auth/claims.ts).
        idToken: false,
      },
    ],
    callbacks: {
      async signIn({ profile, account }) {
        const claims = mergeClaims(idTokenPayload(account?.id_token), profile ?? {}, auth);
        const verdict = await admitSignIn(await deps.db(), claims, rules, await deps.requestId());
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
        if (typeof token.signedInAt === "number") session.signedInAt = token.signedInAt;
        return session;
      },
    },
    events: {
      // Both sign-out paths (the header's server action and POST /api/auth/signout) end up here.
      async signOut(message) {
        const uid = "token" in message ? message.token?.uid : undefined;
        if (typeof uid === "string") await recordSignOut(await deps.db(), uid, await deps.requestId());
      },
    },
  };
}
