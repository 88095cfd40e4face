import { and, eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { type User, users } from "@/lib/db/schema";
import { consume } from "@/lib/rate-limit";
import {
  type GroupMapping,
  groupsFromClaim,
  isAllowedEmailDomain,
  roleAndTeamFromGroups,
} from "./identity-rules";
import { type IdentityClaims, upsertUserFromIdentity } from "./users";

/** Reasons a sign-in is refused; the sign-in page explains each. */
export type SignInRefusal = "DomainNotAllowed" | "EmailNotVerified" | "MissingEmail" | "TooManyAttempts";

export type SignInRules = GroupMapping & {
  issuer: string;
  allowedDomains: string[];
  groupsClaim: string;
  signInsPerMinute: number;
};

/** The IdP's claims as Auth.js hands them over: nothing in them is trusted until checked here. */
export type SignInProfile = Record<string, unknown> & { sub?: string | null };

export type SignInVerdict = { ok: true; user: User } | { ok: false; reason: SignInRefusal };

/**
 * The signIn callback's decision (A4, A6, A10 in reliability-security.md): the claims are checked, the
 * user row refreshed, and every outcome — admitted or refused, with the reason — is audited.
 */
export async function admitSignIn(
  db: Db,
  profile: SignInProfile,
  rules: SignInRules,
  requestId: string | null,
): Promise<SignInVerdict> {
  const email = typeof profile.email === "string" ? profile.email.toLowerCase() : "";
  const subject = typeof profile.sub === "string" ? profile.sub : "";
  const refuse = async (reason: SignInRefusal): Promise<SignInVerdict> => {
    const known = subject ? await findByIdentity(db, rules.issuer, subject) : null;
    await recordAudit(db, {
      actor: email || known ? { id: known?.id ?? null, email: email || (known?.email ?? "") } : null,
      action: "user.sign_in_refused",
      target: { type: "user", id: known?.id ?? null },
      after: { reason, email: email || null, issuer: rules.issuer, subject: subject || null },
      requestId,
    });
    return { ok: false, reason };
  };
  if (!subject || !email) return refuse("MissingEmail");
  if (profile.email_verified === false) return refuse("EmailNotVerified");
  if (!isAllowedEmailDomain(email, rules.allowedDomains)) return refuse("DomainNotAllowed");
  const attempt = await consume(db, {
    key: `signin:${rules.issuer}:${subject}`,
    limit: rules.signInsPerMinute,
    windowMs: 60_000,
  });
  if (!attempt.ok) return refuse("TooManyAttempts");
  const { role, team } = roleAndTeamFromGroups(groupsFromClaim(profile[rules.groupsClaim]), rules);
  const name = typeof profile.name === "string" && profile.name ? profile.name : email;
  const user = await signInUser(db, { issuer: rules.issuer, subject, email, name, role, team }, requestId);
  return { ok: true, user };
}

async function findByIdentity(db: Db, issuer: string, subject: string): Promise<User | null> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.issuer, issuer), eq(users.subject, subject)));
  return row ?? null;
}

/**
 * Refreshes the user from the IdP and records the sign-in — and a role or team change, with before and
 * after — in the same transaction, so a changed role is never in force without its record.
 */
export async function signInUser(db: Db, claims: IdentityClaims, requestId: string | null): Promise<User> {
  return db.transaction(async (tx) => {
    const [previous] = await tx
      .select({ role: users.role, team: users.team })
      .from(users)
      .where(and(eq(users.issuer, claims.issuer), eq(users.subject, claims.subject)))
      .for("update");
    const user = await upsertUserFromIdentity(tx, claims);
    const actor = { id: user.id, email: user.email };
    const target = { type: "user", id: user.id };
    const now = { role: user.role, team: user.team };
    if (previous && (previous.role !== now.role || previous.team !== now.team)) {
      await recordAudit(tx, {
        actor,
        action: "user.role_changed",
        target,
        before: previous,
        after: now,
        requestId,
      });
    }
    await recordAudit(tx, {
      actor,
      action: "user.signed_in",
      target,
      after: { ...now, firstSignIn: !previous },
      requestId,
    });
    return user;
  });
}
