import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sessionRefusal } from "@/lib/auth/session-validity";
import { admitSignIn, type SignInProfile } from "@/lib/auth/sign-in";
import { assignRole, restoreUser, signOutEverywhere, suspendUser } from "@/lib/auth/user-admin";
import { findUserById } from "@/lib/auth/users";
import type { DatabaseHandle } from "@/lib/db/client";
import type { User } from "@/lib/db/schema";
import { auditWatcher } from "../support/audit-entries";
import { backends } from "../support/databases";
import { freshSubject, testProfile, testSignInRules } from "../support/sign-in-rules";

const RULES = testSignInRules({ signInsPerMinute: 50 });
const fresh = freshSubject;
const profile = testProfile;

describe.each(backends)("sessions, suspend and in-app roles on $name", (backend) => {
  let database: DatabaseHandle;
  let admin: User;
  const audit = auditWatcher(() => database.db);
  const signIn = async (sub: string, rules = RULES, patch: Partial<SignInProfile> = {}) => {
    const verdict = await admitSignIn(database.db, profile(sub, patch), rules, null);
    return verdict;
  };
  const admitted = async (sub: string, rules = RULES, patch: Partial<SignInProfile> = {}) => {
    const verdict = await signIn(sub, rules, patch);
    if (!verdict.ok) throw new Error(`refused: ${verdict.reason}`);
    return { user: verdict.user, signedInAt: Date.now() + 1 };
  };
  const reread = async (user: User) => (await findUserById(database.db, user.id)) as User;

  beforeAll(async () => {
    database = await backend.open();
    admin = (await admitted(`admin-${fresh()}`, RULES, { groups: ["gift-desk-admins"] })).user;
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(() => audit.mark());

  it("sign-out-everywhere ends sessions signed in before it, not the next one; audited", async () => {
    const { user, signedInAt } = await admitted(fresh());
    expect(sessionRefusal(await reread(user), signedInAt)).toBeNull();
    await audit.mark();
    expect((await signOutEverywhere(database.db, admin, user.id)).status).toBe("done");
    expect(sessionRefusal(await reread(user), signedInAt)).toBe("SessionEnded");
    expect((await audit.since()).map((e) => [e.action, e.actorId, e.targetId])).toEqual([
      ["user.signed_out_everywhere", admin.id, user.id],
    ]);
    await new Promise((r) => setTimeout(r, 5));
    const again = await admitted(user.subject);
    expect(sessionRefusal(await reread(user), again.signedInAt)).toBeNull();
  });

  it("a suspended user is refused on the next request and at sign-in, audited; restore needs a new sign-in", async () => {
    const { user, signedInAt } = await admitted(fresh());
    await audit.mark();
    expect((await suspendUser(database.db, admin, user.id)).status).toBe("done");
    expect(sessionRefusal(await reread(user), signedInAt)).toBe("Suspended");
    expect(await signIn(user.subject)).toEqual({ ok: false, reason: "Suspended" });
    expect((await audit.since()).map((e) => [e.action, e.after?.reason ?? null])).toEqual([
      ["user.suspended", null],
      ["user.sign_in_refused", "Suspended"],
    ]);
    await audit.mark();
    expect((await restoreUser(database.db, admin, user.id)).status).toBe("done");
    expect(sessionRefusal(await reread(user), signedInAt)).toBe("SessionEnded");
    expect((await signIn(user.subject)).ok).toBe(true);
    expect((await audit.since()).map((e) => e.action)).toEqual(["user.restored", "user.signed_in"]);
  });

  it("refuses an admin suspending themselves, and unknown users", async () => {
    expect(await suspendUser(database.db, admin, admin.id)).toEqual({
      status: "refused",
      reason: "You cannot suspend yourself.",
    });
    expect((await signOutEverywhere(database.db, admin, "00000000-0000-4000-8000-000000000000")).status).toBe(
      "not_found",
    );
  });

  it("with AUTH_ROLE_SOURCE=app ignores groups: bootstrap admins, admin assignments, reps otherwise", async () => {
    const boss = fresh();
    const app = { ...RULES, roleSource: "app" as const, bootstrapAdmins: [`${boss}@giftdesk.test`] };
    const bootstrap = await admitted(boss, app, { groups: [] });
    expect(bootstrap.user).toMatchObject({ role: "admin", team: null, roleSource: "bootstrap" });

    const rep = await admitted(fresh(), app, { groups: ["gift-desk-managers", "team-a"] });
    expect(rep.user).toMatchObject({ role: "rep", team: null, roleSource: "default" });
    // No "no groups" audit in app mode: groups mean nothing there.
    expect((await audit.since()).map((e) => e.action)).not.toContain("user.signed_in_without_groups");

    await audit.mark();
    const assigned = await assignRole(database.db, bootstrap.user, rep.user.id, {
      role: "manager",
      team: "b",
    });
    expect(assigned.status).toBe("done");
    expect((await audit.since()).map((e) => [e.action, e.before, e.after])).toEqual([
      [
        "user.role_changed",
        { role: "rep", team: null, roleSource: "default" },
        { role: "manager", team: "b", roleSource: "admin" },
      ],
    ]);
    const again = await admitted(rep.user.subject, app, { groups: [] });
    expect(again.user).toMatchObject({ role: "manager", team: "b", roleSource: "admin" });
    expect(
      await assignRole(database.db, bootstrap.user, bootstrap.user.id, { role: "rep", team: null }),
    ).toMatchObject({ status: "refused" });
  });

  it("with Google as the IdP, refuses an account without the Workspace hd claim of an allowed domain", async () => {
    const google = { ...RULES, issuer: "https://accounts.google.com" };
    expect(await signIn(fresh(), google)).toEqual({ ok: false, reason: "DomainNotAllowed" });
    expect(await signIn(fresh(), google, { hd: "elsewhere.test" })).toEqual({
      ok: false,
      reason: "DomainNotAllowed",
    });
    expect((await signIn(fresh(), google, { hd: "giftdesk.test" })).ok).toBe(true);
  });

  it('refuses email_verified missing or "false", accepts "true"', async () => {
    expect(await signIn(fresh(), RULES, { email_verified: undefined })).toEqual({
      ok: false,
      reason: "EmailNotVerified",
    });
    expect(await signIn(fresh(), RULES, { email_verified: "false" })).toEqual({
      ok: false,
      reason: "EmailNotVerified",
    });
    expect((await signIn(fresh(), RULES, { email_verified: "true" })).ok).toBe(true);
    const trusting = { ...RULES, trustUnverifiedEmail: true };
    expect((await signIn(fresh(), trusting, { email_verified: undefined })).ok).toBe(true);
  });
});
