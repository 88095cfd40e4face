import { describe, expect, it } from "vitest";
import { assignRoleSchema, parseUserFilters, userFiltersQuery } from "@/lib/validation/admin-users";

describe("parseUserFilters", () => {
  it("keeps well-formed filters and drops anything else, never throwing", () => {
    expect(
      parseUserFilters({ q: "  riley ", role: "manager", team: "A", state: "suspended", source: "idp" }),
    ).toEqual({
      q: "riley",
      role: "manager",
      team: "a",
      state: "suspended",
      source: "idp",
    });
    expect(
      parseUserFilters({
        q: "x".repeat(101),
        role: "root",
        team: "a b",
        state: "gone",
        source: ["admin", "idp"],
      }),
    ).toEqual({ q: undefined, role: undefined, team: undefined, state: undefined, source: "admin" });
    expect(parseUserFilters(new URLSearchParams("role=admin&q="))).toMatchObject({
      role: "admin",
      q: undefined,
    });
  });

  it("round-trips through the query string", () => {
    const filters = parseUserFilters({ q: "a&b", team: "emea" });
    expect(parseUserFilters(new URLSearchParams(userFiltersQuery(filters).slice(1)))).toEqual(filters);
    expect(userFiltersQuery(parseUserFilters({}))).toBe("");
  });
});

describe("assignRoleSchema", () => {
  const userId = "00000000-0000-4000-8000-000000000000";
  it("normalises the team and reads an empty one as no team", () => {
    expect(assignRoleSchema.parse({ userId, role: "manager", team: " EMEA " })).toEqual({
      userId,
      role: "manager",
      team: "emea",
    });
    expect(assignRoleSchema.parse({ userId, role: "rep", team: "" }).team).toBeNull();
  });
  it.each([
    [{ userId: "nope", role: "rep", team: "" }],
    [{ userId, role: "owner", team: "" }],
    [{ userId, role: "rep", team: "a/b" }],
    [{ userId, role: "rep", team: "-x" }],
  ])("refuses %j", (input) => {
    expect(assignRoleSchema.safeParse(input).success).toBe(false);
  });
});
