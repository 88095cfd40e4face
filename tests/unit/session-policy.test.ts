import { describe, expect, it } from "vitest";
import { ABSOLUTE_TIMEOUT_MS, sessionCookieOptions, withinAbsoluteLifetime } from "@/lib/auth/session-policy";

describe("withinAbsoluteLifetime", () => {
  const now = Date.parse("2026-11-26T12:00:00Z");
  it.each([
    [now - 1000, true],
    [now - ABSOLUTE_TIMEOUT_MS, true],
    [now - ABSOLUTE_TIMEOUT_MS - 1, false],
    [now + 60_000, false],
    [undefined, false],
    ["yesterday", false],
  ])("signed in at %s → %s", (signedInAt, ok) => {
    expect(withinAbsoluteLifetime(signedInAt, now)).toBe(ok);
  });
});

describe("sessionCookieOptions", () => {
  it("uses a __Host- cookie on https and the default on http", () => {
    expect(sessionCookieOptions("https://gifts.acme.com")?.sessionToken).toMatchObject({
      name: "__Host-authjs.session-token",
      options: { secure: true, path: "/", httpOnly: true },
    });
    expect(sessionCookieOptions("http://localhost:3000")).toBeUndefined();
  });
});
