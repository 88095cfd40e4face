import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { freshClaims, freshClaimsFromCookie, sessionCookieName } from "@/lib/auth/session-claims";
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_S, RENEW_AFTER_S } from "@/lib/auth/session-policy";

const SECRET = "a-test-secret-that-is-long-enough-for-hkdf";
const NAME = sessionCookieName("http://localhost:3000");
const now = Date.UTC(2026, 11, 3, 12, 0, 0);
const nowS = Math.floor(now / 1000);
const token = (overrides: Record<string, unknown> = {}) => ({
  uid: "u-1",
  signedInAt: now - 60_000,
  iat: nowS - 30,
  ...overrides,
});

describe("freshClaims", () => {
  it("keeps a token issued within RENEW_AFTER_S, with its user and sign-in time", () => {
    expect(freshClaims(token(), now)).toEqual({ uid: "u-1", signedInAt: now - 60_000 });
  });

  it("leaves a token due for renewal to Auth.js", () => {
    expect(freshClaims(token({ iat: nowS - RENEW_AFTER_S }), now)).toBeNull();
  });

  it("does not trust a token issued in the future beyond the clock tolerance", () => {
    expect(freshClaims(token({ iat: nowS + 16 }), now)).toBeNull();
  });

  it("ends a session past its absolute lifetime even when the token is fresh", () => {
    expect(freshClaims(token({ signedInAt: now - ABSOLUTE_TIMEOUT_MS - 1 }), now)).toBeNull();
  });

  it("needs a user, an issue time and a sign-in time", () => {
    expect(freshClaims(token({ uid: undefined }), now)).toBeNull();
    expect(freshClaims(token({ iat: undefined }), now)).toBeNull();
    expect(freshClaims(token({ signedInAt: undefined }), now)).toBeNull();
    expect(freshClaims(null, now)).toBeNull();
  });
});

describe("freshClaimsFromCookie", () => {
  const cookie = (claims = { uid: "u-1", signedInAt: Date.now() - 1_000 }, salt = NAME, secret = SECRET) =>
    encode({ token: claims, secret, salt, maxAge: IDLE_TIMEOUT_S });

  it("reads a cookie Auth.js encoded for this name and secret", async () => {
    const signedInAt = Date.now() - 1_000;
    expect(await freshClaimsFromCookie(await cookie({ uid: "u-1", signedInAt }), SECRET, NAME)).toEqual({
      uid: "u-1",
      signedInAt,
    });
  });

  it("refuses a cookie sealed with another secret or for another cookie name", async () => {
    expect(
      await freshClaimsFromCookie(await cookie(undefined, NAME, `${SECRET}-other`), SECRET, NAME),
    ).toBeNull();
    expect(await freshClaimsFromCookie(await cookie(undefined, "other-name"), SECRET, NAME)).toBeNull();
  });

  it("refuses a tampered or missing cookie", async () => {
    const value = await cookie();
    const tampered = `${value.slice(0, -4)}${value.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    expect(await freshClaimsFromCookie(tampered, SECRET, NAME)).toBeNull();
    expect(await freshClaimsFromCookie(undefined, SECRET, NAME)).toBeNull();
  });

  it("names the cookie __Host- on HTTPS and as Auth.js does on plain HTTP", () => {
    expect(sessionCookieName("https://gifts.example.com")).toBe("__Host-authjs.session-token");
    expect(NAME).toBe("authjs.session-token");
  });
});
