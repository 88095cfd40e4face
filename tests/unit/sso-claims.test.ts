import { describe, expect, it } from "vitest";
import { hasGroupsOverage, idTokenPayload, mergeClaims } from "@/lib/auth/claims";
import { assignmentAtSignIn } from "@/lib/auth/role-source";
import { sessionRefusal } from "@/lib/auth/session-validity";

const rules = { groupsClaim: "groups", rolesClaim: "roles", groupsSource: "union" as const };
const jwt = (payload: object) =>
  `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.sig`;

describe("mergeClaims", () => {
  const idToken = {
    iss: "https://login.example",
    aud: "gift-desk",
    nonce: "n",
    sub: "u1",
    name: "From ID token",
    email: "a@giftdesk.test",
    groups: ["gift-desk-managers", "team-a"],
    roles: ["GiftDesk.Admin"],
  };

  it("keeps claims only the ID token carries (Entra: groups and roles)", () => {
    const merged = mergeClaims(idToken, { sub: "u1", email: "a@giftdesk.test" }, rules);
    expect(merged).toMatchObject({
      sub: "u1",
      groups: ["gift-desk-managers", "team-a"],
      roles: ["GiftDesk.Admin"],
    });
    expect(merged.nonce).toBeUndefined();
    expect(merged.iss).toBeUndefined();
  });

  it("lets userinfo win for profile fields it carries, and unions groups", () => {
    const merged = mergeClaims(
      idToken,
      { sub: "u1", name: "From userinfo", email_verified: true, groups: ["team-a", "team-b"] },
      rules,
    );
    expect(merged).toMatchObject({ name: "From userinfo", email: "a@giftdesk.test", email_verified: true });
    expect(merged.groups).toEqual(["gift-desk-managers", "team-a", "team-b"]);
  });

  it("reads groups from one place when configured", () => {
    const userinfo = { sub: "u1", groups: ["team-b"] };
    expect(mergeClaims(idToken, userinfo, { ...rules, groupsSource: "userinfo" }).groups).toEqual(["team-b"]);
    expect(mergeClaims(idToken, userinfo, { ...rules, groupsSource: "id_token" }).groups).toEqual([
      "gift-desk-managers",
      "team-a",
    ]);
  });

  it("keeps the ID token's subject", () => {
    expect(mergeClaims(idToken, { sub: "someone-else" }, rules).sub).toBe("u1");
  });

  it("decodes a compact ID token and gives nothing for garbage", () => {
    expect(idTokenPayload(jwt({ sub: "u1", groups: ["x"] }))).toEqual({ sub: "u1", groups: ["x"] });
    for (const bad of [
      undefined,
      42,
      "",
      "a.b.c",
      "a.W10.c",
      `a.${Buffer.from("null").toString("base64url")}.c`,
    ]) {
      expect(idTokenPayload(bad)).toEqual({});
    }
  });
});

describe("hasGroupsOverage", () => {
  it.each([
    [{ _claim_names: { groups: "src1" }, _claim_sources: { src1: {} } }, true],
    [{ hasgroups: true }, true],
    [{ hasgroups: "true" }, true],
    [{ groups: ["a"], _claim_names: { groups: "src1" } }, false],
    [{ groups: [] }, false],
    [{}, false],
    [{ _claim_names: { other: "src1" } }, false],
  ])("%j → %s", (claims, overage) => {
    expect(hasGroupsOverage(claims, "groups")).toBe(overage);
  });
});

describe("assignmentAtSignIn", () => {
  const idp = { role: "manager" as const, team: "a" };
  it("follows the IdP in idp mode, whatever an admin set", () => {
    expect(
      assignmentAtSignIn("idp", idp, "x@giftdesk.test", [], {
        role: "admin",
        team: null,
        roleSource: "admin",
      }),
    ).toEqual({ ...idp, roleSource: "idp" });
  });
  it("in app mode ignores groups: admin's choice stands, bootstrap admins are admins, others reps", () => {
    const set = { role: "manager" as const, team: "b", roleSource: "admin" as const };
    expect(assignmentAtSignIn("app", idp, "x@giftdesk.test", ["x@giftdesk.test"], set)).toEqual(set);
    expect(assignmentAtSignIn("app", idp, "Boss@GiftDesk.test", ["boss@giftdesk.test"], undefined)).toEqual({
      role: "admin",
      team: null,
      roleSource: "bootstrap",
    });
    expect(assignmentAtSignIn("app", idp, "x@giftdesk.test", [], { ...idp, roleSource: "idp" })).toEqual({
      role: "rep",
      team: null,
      roleSource: "default",
    });
  });
});

describe("sessionRefusal", () => {
  const at = new Date("2026-12-01T10:00:00.000Z");
  it.each([
    [{ suspendedAt: null, sessionsValidAfter: null }, at.getTime(), null],
    [{ suspendedAt: null, sessionsValidAfter: at }, at.getTime() + 1, null],
    [{ suspendedAt: null, sessionsValidAfter: at }, at.getTime(), "SessionEnded"],
    [{ suspendedAt: null, sessionsValidAfter: at }, at.getTime() - 60_000, "SessionEnded"],
    [{ suspendedAt: at, sessionsValidAfter: null }, at.getTime() + 60_000, "Suspended"],
    [{ suspendedAt: null, sessionsValidAfter: null }, undefined, "SessionEnded"],
  ])("%j signed in at %s → %s", (user, signedInAt, refusal) => {
    expect(sessionRefusal(user, signedInAt)).toBe(refusal);
  });
});
