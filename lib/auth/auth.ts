import NextAuth, { type NextAuthConfig } from "next-auth";
import { getDb } from "@/lib/db";
import { getConfig } from "@/lib/env";
import { consume } from "@/lib/rate-limit";
import { groupsFromClaim, isAllowedEmailDomain, roleAndTeamFromGroups } from "./identity-rules";
import {
  IDLE_TIMEOUT_S,
  RENEW_AFTER_S,
  sessionCookieOptions,
  withinAbsoluteLifetime,
} from "./session-policy";
import { upsertUserFromIdentity } from "./users";

/** Reasons a sign-in is refused; the sign-in page explains each. */
export type SignInRefusal = "DomainNotAllowed" | "EmailNotVerified" | "MissingEmail" | "TooManyAttempts";
const refuse = (reason: SignInRefusal) => `/signin?error=${reason}`;

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
        const email = typeof profile?.email === "string" ? profile.email.toLowerCase() : "";
        if (!profile?.sub || !email) return refuse("MissingEmail");
        if (profile.email_verified === false) return refuse("EmailNotVerified");
        if (!isAllowedEmailDomain(email, auth.allowedDomains)) return refuse("DomainNotAllowed");
        const db = await getDb();
        const attempt = await consume(db, {
          key: `signin:${auth.issuer}:${profile.sub}`,
          limit: config.limits.signInsPerMinute,
          windowMs: 60_000,
        });
        if (!attempt.ok) return refuse("TooManyAttempts");
        const { role, team } = roleAndTeamFromGroups(groupsFromClaim(profile[auth.groupsClaim]), auth);
        const user = await upsertUserFromIdentity(db, {
          issuer: auth.issuer,
          subject: profile.sub,
          email,
          name: typeof profile.name === "string" && profile.name ? profile.name : email,
          role,
          team,
        });
        // Carried to the jwt callback, which runs next in the same request.
        profile.giftDeskUserId = user.id;
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
