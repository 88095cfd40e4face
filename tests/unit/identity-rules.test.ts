import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupsFromClaim, isAllowedEmailDomain, roleAndTeamFromGroups } from "@/lib/auth/identity-rules";

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
