import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  emailVerified,
  groupsFromClaim,
  isAllowedEmailDomain,
  roleAndTeamFromGroups,
} from "@/lib/auth/identity-rules";

const mapping = {
  managerGroups: ["gift-desk-managers"],
  adminGroups: ["gift-desk-admins"],
  teamGroupPrefix: "team-",
};

describe("isAllowedEmailDomain", () => {
  it.each([
    ["rep@giftdesk.test", true],
    ["Rep@GiftDesk.TEST", true],
    ["rep@giftdesk.test.evil.com", false],
    ["rep@evilgiftdesk.test", false],
    ["rep@sub.giftdesk.test", false],
    ["giftdesk.test", false],
    ["rep@", false],
    ["@giftdesk.test", false],
  ])("%s → %s", (email, allowed) => {
    expect(isAllowedEmailDomain(email, ["giftdesk.test"])).toBe(allowed);
  });

  it("never allows a domain that merely ends with an allowed one", () => {
    fc.assert(
      fc.property(fc.domain(), fc.emailAddress(), (prefix, email) => {
        const local = email.split("@")[0];
        expect(isAllowedEmailDomain(`${local}@${prefix}.giftdesk.test`, ["giftdesk.test"])).toBe(false);
        expect(isAllowedEmailDomain(`${local}@giftdesk.test.${prefix}`, ["giftdesk.test"])).toBe(false);
      }),
    );
  });
});

describe("roleAndTeamFromGroups", () => {
  it.each([
    [[], "rep", null],
    [["team-a"], "rep", "a"],
    [["gift-desk-managers", "team-a"], "manager", "a"],
    [["Gift-Desk-Admins"], "admin", null],
    [["gift-desk-managers", "gift-desk-admins"], "admin", null],
    [["team-"], "rep", null],
    [["sales", "everyone"], "rep", null],
  ])("%j → %s, team %s", (groups, role, team) => {
    expect(roleAndTeamFromGroups(groups, mapping)).toEqual({ role, team });
  });

  it("is a rep unless a mapped group is present, for any groups", () => {
    fc.assert(
      fc.property(fc.array(fc.string()), (groups) => {
        const { role } = roleAndTeamFromGroups(groups, mapping);
        const lower = groups.map((g) => g.toLowerCase());
        const expected = lower.includes("gift-desk-admins")
          ? "admin"
          : lower.includes("gift-desk-managers")
            ? "manager"
            : "rep";
        expect(role).toBe(expected);
      }),
    );
  });
});

describe("groupsFromClaim", () => {
  it("reads arrays, single strings and nothing", () => {
    expect(groupsFromClaim(["a", 1, "b"])).toEqual(["a", "b"]);
    expect(groupsFromClaim("a")).toEqual(["a"]);
    expect(groupsFromClaim(undefined)).toEqual([]);
  });
});

describe("group mapping for each IdP's shape", () => {
  const entraId = "5f0c1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b";
  const teamId = "0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d";
  const rich = {
    ...mapping,
    managerGroups: ["gift-desk-managers", entraId],
    adminGroups: ["gift-desk-admins", "/it/gift-desk-admins"],
    teamGroups: { [teamId]: "emea", "sales/enterprise": "ent" },
  };
  it.each([
    // Keycloak full paths: the leading "/" and the parent path are not part of the name.
    [["/gift-desk-managers", "/sales/team-a"], "manager", "a"],
    [["/Sales/Team-B"], "rep", "b"],
    // An entry with a "/" names a full path: only that path matches, not a same-named group elsewhere.
    [["/it/gift-desk-admins"], "admin", null],
    [["/sales/enterprise"], "rep", "ent"],
    [["/other/enterprise"], "rep", null],
    // Entra object ids, for roles and through the explicit team map.
    [[entraId, teamId], "manager", "emea"],
    [[entraId.toUpperCase()], "manager", null],
    // Never a prefix or substring.
    [["gift-desk-managers-old", "x-gift-desk-admins"], "rep", null],
    [["team-a", "team-b"], "rep", "a"],
    [["team-b", "team-a"], "rep", "a"],
  ])("%j → %s, team %s", (groups, role, team) => {
    expect(roleAndTeamFromGroups(groups, rich)).toEqual({ role, team });
  });

  it("never makes a manager of a group whose id is unknown, whatever it is called", () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        fc.pre(id !== entraId);
        expect(roleAndTeamFromGroups([id, "Managers"], rich).role).toBe("rep");
      }),
    );
  });
});

describe("emailVerified", () => {
  it.each([
    [true, false, true],
    ["true", false, true],
    [false, false, false],
    ["false", false, false],
    [undefined, false, false],
    [null, false, false],
    [1, false, false],
    [undefined, true, true],
    [false, true, false],
    ["false", true, false],
  ])("%j (trust missing: %s) → %s", (value, trust, ok) => {
    expect(emailVerified(value, trust)).toBe(ok);
  });
});
