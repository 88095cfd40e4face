import { describe, expect, it } from "vitest";
import { buildAuthorizeUrl, type OAuthConfig } from "@/lib/sendoso/oauth";
import { OAuthStateError, signOAuthState, verifyOAuthState } from "@/lib/sendoso/oauth-state";

const config: OAuthConfig = {
  baseUrl: "https://app.sendoso.com",
  clientId: "gift-desk",
  clientSecret: "shh",
  redirectUri: "https://gifts.example.com/api/sendoso/oauth/callback",
  timeoutMs: 1_000,
};
const secret = "a-very-long-auth-secret-for-tests-only-123456";

describe("authorize URL", () => {
  it("carries client id, redirect URI, response_type=code, the scope, state and the PKCE challenge", () => {
    const challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    const url = new URL(buildAuthorizeUrl(config, "st.ate", challenge));
    expect(`${url.origin}${url.pathname}`).toBe("https://app.sendoso.com/oauth/authorize");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: "gift-desk",
      redirect_uri: "https://gifts.example.com/api/sendoso/oauth/callback",
      response_type: "code",
      scope: "public write update",
      state: "st.ate",
      code_challenge: challenge,
      code_challenge_method: "S256",
    });
  });
});

describe("OAuth state", () => {
  const now = Date.UTC(2026, 0, 1);

  it("verifies for the user it was issued to, with its purpose", () => {
    const state = signOAuthState(secret, { userId: "u1", purpose: "shared" }, now);
    expect(verifyOAuthState(secret, state, "u1", now + 60_000)).toMatchObject({
      userId: "u1",
      purpose: "shared",
    });
  });

  it("is different every time (a nonce), and URL-safe", () => {
    const a = signOAuthState(secret, { userId: "u1", purpose: "own" }, now);
    expect(a).not.toBe(signOAuthState(secret, { userId: "u1", purpose: "own" }, now));
    expect(a).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it("refuses another user's state (login CSRF)", () => {
    const state = signOAuthState(secret, { userId: "attacker", purpose: "own" }, now);
    expect(() => verifyOAuthState(secret, state, "victim", now)).toThrow(OAuthStateError);
  });

  it("refuses an expired state", () => {
    const state = signOAuthState(secret, { userId: "u1", purpose: "own" }, now);
    expect(() => verifyOAuthState(secret, state, "u1", now + 11 * 60_000)).toThrow(/expired/);
  });

  it("refuses a forged or altered state", () => {
    const state = signOAuthState(secret, { userId: "u1", purpose: "own" }, now);
    const [payload, mac] = state.split(".") as [string, string];
    const altered = Buffer.from(
      Buffer.from(payload, "base64url").toString().replace('"own"', '"shared"'),
    ).toString("base64url");
    expect(() => verifyOAuthState(secret, `${altered}.${mac}`, "u1", now)).toThrow(OAuthStateError);
    expect(() => verifyOAuthState("another-secret-of-sufficient-length-xxxxxx", state, "u1", now)).toThrow(
      OAuthStateError,
    );
    expect(() => verifyOAuthState(secret, `${payload}.`, "u1", now)).toThrow(OAuthStateError);
    expect(() => verifyOAuthState(secret, "garbage", "u1", now)).toThrow(OAuthStateError);
  });
});
