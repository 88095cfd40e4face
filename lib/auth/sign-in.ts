import { and, eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { type User, users } from "@/lib/db/schema";
import { consume } from "@/lib/rate-limit";
import { hasGroupsOverage } from "./claims";
import {
  emailVerified,
  type GroupMapping,
  groupsFromClaim,
  isAllowedEmailDomain,
  roleAndTeamFromGroups,
} from "./identity-rules";
import { type Assignment, assignmentAtSignIn, type RoleSourceMode } from "./role-source";
import { upsertUserFromIdentity } from "./users";

/** Reasons a sign-in is refused; the sign-in page explains each (app/signin/sign-in-errors.ts). */
export type SignInRefusal =
  | "DomainNotAllowed"
  | "EmailNotVerified"
  | "MissingEmail"
  | "TooManyAttempts"
  | "GroupsOverage"
  | "Suspended";

export type SignInRules = GroupMapping & {
  issuer: string;
  allowedDomains: string[];
  groupsClaim: string;
  rolesClaim: string;
  signInsPerMinute: number;
  /** AUTH_TRUST_UNVERIFIED_EMAIL=1: a missing email_verified claim passes (Entra sends none). */
  trustUnverifiedEmail: boolean;
  roleSource: RoleSourceMode;
  bootstrapAdmins: string[];
};

/** The IdP's claims (ID token merged with userinfo, lib/auth/claims.ts): nothing is trusted until checked. */
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
  if (!emailVerified(profile.email_verified, rules.trustUnverifiedEmail)) return refuse("EmailNotVerified");
  if (!isAllowedEmailDomain(email, rules.allowedDomains)) return refuse("DomainNotAllowed");
  // Google also signs in consumer accounts registered with a work address; only Workspace ones carry
  // `hd` (reliability-security.md A4, A10).
  if (isGoogleIssuer(rules.issuer) && !isAllowedHostedDomain(profile.hd, rules.allowedDomains)) {
    return refuse("DomainNotAllowed");
  }
  const attempt = await consume(db, {
    key: `signin:${rules.issuer}:${subject}`,
    limit: rules.signInsPerMinute,
    windowMs: 60_000,
  });
  if (!attempt.ok) return refuse("TooManyAttempts");
  const fromIdp = rules.roleSource === "idp";
  if (fromIdp && hasGroupsOverage(profile, rules.groupsClaim)) return refuse("GroupsOverage");
  const memberships = [
    ...groupsFromClaim(profile[rules.groupsClaim]),
    ...groupsFromClaim(profile[rules.rolesClaim]),
  ];
  const idpRole = roleAndTeamFromGroups(memberships, rules);
  const name = typeof profile.name === "string" && profile.name ? profile.name : email;
  const user = await signInUser(
    db,
    { issuer: rules.issuer, subject, email, name },
    (previous) => assignmentAtSignIn(rules.roleSource, idpRole, email, rules.bootstrapAdmins, previous),
    { requestId, noGroups: fromIdp && memberships.length === 0 },
  );
  return user ? { ok: true, user } : refuse("Suspended");
}

const isGoogleIssuer = (issuer: string) => /^https:\/\/accounts\.google\.com\/?$/.test(issuer);
const isAllowedHostedDomain = (hd: unknown, allowed: string[]) =>
  typeof hd === "string" && allowed.some((d) => d.toLowerCase() === hd.toLowerCase());

async function findByIdentity(db: Db, issuer: string, subject: string): Promise<User | null> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.issuer, issuer), eq(users.subject, subject)));
  return row ?? null;
}

type Identity = { issuer: string; subject: string; email: string; name: string };

/**
 * Refreshes the user and records the sign-in — and a role or team change, with before and after — in
 * the same transaction, under the row's lock, so a changed role is never in force without its record
 * and an admin's concurrent suspend or assignment is never lost. A suspended user gets null: refused.
 */
export async function signInUser(
  db: Db,
  identity: Identity,
  assign: (previous: Assignment | undefined) => Assignment,
  context: { requestId: string | null; noGroups: boolean },
): Promise<User | null> {
  const { requestId } = context;
  return db.transaction(async (tx) => {
    const [previous] = await tx
      .select({
        role: users.role,
        team: users.team,
        roleSource: users.roleSource,
        suspendedAt: users.suspendedAt,
      })
      .from(users)
      .where(and(eq(users.issuer, identity.issuer), eq(users.subject, identity.subject)))
      .for("update");
    if (previous?.suspendedAt) return null;
    const user = await upsertUserFromIdentity(tx, { ...identity, ...assign(previous) });
    const actor = { id: user.id, email: user.email };
    const target = { type: "user", id: user.id };
    const now = { role: user.role, team: user.team };
    if (previous && (previous.role !== now.role || previous.team !== now.team)) {
      await recordAudit(tx, {
        actor,
        action: "user.role_changed",
        target,
        before: { role: previous.role, team: previous.team },
        after: now,
        requestId,
      });
    }
    await recordAudit(tx, {
      actor,
      action: "user.signed_in",
      target,
      after: { ...now, roleSource: user.roleSource, firstSignIn: !previous },
      requestId,
    });
    // A new hire not yet in a group, a contractor, a renamed group: worth an admin's look (issue 16).
    if (context.noGroups) {
      await recordAudit(tx, {
        actor,
        action: "user.signed_in_without_groups",
        target,
        after: { role: user.role, team: user.team },
        requestId,
      });
    }
    return user;
  });
}
