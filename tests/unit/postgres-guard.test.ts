import { describe, expect, it } from "vitest";
import { postgresGuard } from "../../scripts/postgres-guard.mjs";

describe("npm test's PostgreSQL guard", () => {
  it("fails in CI without TEST_DATABASE_URL", () => {
    expect(postgresGuard({ CI: "true" })).toMatchObject({
      fail: true,
      message: expect.stringMatching(/^FAILED/),
    });
  });
  it("passes in CI with it, and only warns locally without it", () => {
    expect(postgresGuard({ CI: "true", TEST_DATABASE_URL: "postgres://x" })).toEqual({
      fail: false,
      message: null,
    });
    expect(postgresGuard({})).toMatchObject({ fail: false, message: expect.stringMatching(/^warning/) });
    expect(postgresGuard({ CI: "false" }).fail).toBe(false);
  });
});
