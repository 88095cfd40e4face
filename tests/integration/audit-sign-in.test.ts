import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { admitSignIn, type SignInProfile } from "@/lib/auth/sign-in";
import type { DatabaseHandle } from "@/lib/db/client";
import { auditWatcher, shape } from "../support/audit-entries";
import { backends } from "../support/databases";
import { freshSubject, testProfile, testSignInRules } from "../support/sign-in-rules";

const RULES = testSignInRules({ signInsPerMinute: 10 });

const fresh = freshSubject;
const profile = testProfile;

describe.each(backends)("sign-in audit on $name", (backend) => {
  let database: DatabaseHandle;
  const audit = auditWatcher(() => database.db);

  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(() => audit.mark());

  it("records a first sign-in once, with role and team, and no role change", async () => {
    const sub = fresh();
    const verdict = await admitSignIn(database.db, profile(sub), RULES, "req-first-sign-in");
    if (!verdict.ok) throw new Error(`refused: ${verdict.reason}`);
    expect((await audit.since()).map(shape)).toEqual([
      {
        actorId: verdict.user.id,
        actorEmail: `${sub}@giftdesk.test`,
        action: "user.signed_in",
        targetType: "user",
        targetId: verdict.user.id,
        before: null,
        after: { role: "rep", team: "a", roleSource: "idp", firstSignIn: true },
        requestId: "req-first-sign-in",
      },
    ]);
  });

  it("records a role or team change seen at sign-in with before and after, then the sign-in", async () => {
    const sub = fresh();
    await admitSignIn(database.db, profile(sub), RULES, null);
    await audit.mark();
    const promoted = profile(sub, { groups: ["gift-desk-managers", "team-b"] });
    const verdict = await admitSignIn(database.db, promoted, RULES, "req-promoted");
    if (!verdict.ok) throw new Error(`refused: ${verdict.reason}`);
    const entries = await audit.since();
    expect(entries.map((e) => e.action)).toEqual(["user.role_changed", "user.signed_in"]);
    expect(shape(entries[0] as (typeof entries)[0])).toMatchObject({
      actorId: verdict.user.id,
      targetId: verdict.user.id,
      before: { role: "rep", team: "a" },
      after: { role: "manager", team: "b" },
      requestId: "req-promoted",
    });
    expect(entries[1]?.after).toEqual({ role: "manager", team: "b", roleSource: "idp", firstSignIn: false });

    // Nothing changed the next time: only the sign-in.
    await audit.mark();
    await admitSignIn(database.db, promoted, RULES, null);
    expect((await audit.since()).map((e) => e.action)).toEqual(["user.signed_in"]);
  });

  const refusals: [string, (sub: string) => SignInProfile, string, boolean][] = [
    [
      "a domain not allowed",
      (sub) => profile(sub, { email: `${sub}@giftdesk.test.evil.io` }),
      "DomainNotAllowed",
      true,
    ],
    ["an unverified email", (sub) => profile(sub, { email_verified: false }), "EmailNotVerified", true],
    ["no email at all", (sub) => profile(sub, { email: undefined }), "MissingEmail", false],
  ];

  it.each(refusals)(
    "records a refusal for %s, with the reason and no user",
    async (_l, make, reason, hasEmail) => {
      const sub = fresh();
      const claims = make(sub);
      expect(await admitSignIn(database.db, claims, RULES, "req-refused")).toEqual({ ok: false, reason });
      const email = hasEmail ? String(claims.email).toLowerCase() : null;
      expect((await audit.since()).map(shape)).toEqual([
        {
          actorId: null,
          actorEmail: email,
          action: "user.sign_in_refused",
          targetType: "user",
          targetId: null,
          before: null,
          after: { reason, email, issuer: RULES.issuer, subject: sub },
          requestId: "req-refused",
        },
      ]);
    },
  );

  it("records a rate-limited sign-in against the existing user", async () => {
    const sub = fresh();
    const rules = { ...RULES, signInsPerMinute: 1 };
    const first = await admitSignIn(database.db, profile(sub), rules, null);
    if (!first.ok) throw new Error("the first sign-in should pass");
    await audit.mark();
    expect(await admitSignIn(database.db, profile(sub), rules, null)).toEqual({
      ok: false,
      reason: "TooManyAttempts",
    });
    const entries = await audit.since();
    expect(entries.map(shape)).toEqual([
      expect.objectContaining({
        actorId: first.user.id,
        actorEmail: `${sub}@giftdesk.test`,
        action: "user.sign_in_refused",
        targetId: first.user.id,
        after: {
          reason: "TooManyAttempts",
          email: `${sub}@giftdesk.test`,
          issuer: RULES.issuer,
          subject: sub,
        },
      }),
    ]);
  });
});
