import { describe, expect, it } from "vitest";
import { signOAuthState, verifyOAuthState } from "@/lib/sendoso/oauth-state";
import { isReturnPath, returnPathSchema, withQueryParam } from "@/lib/validation/return-path";

describe("isReturnPath", () => {
  it.each(["/send", "/send?name=Pat&touch=3", "/history/abc#top", "/settings"])("accepts %s", (path) => {
    expect(isReturnPath(path)).toBe(true);
  });

  it.each([
    "https://evil.example/send",
    "//evil.example/send",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "send",
    "",
    "/api/sendoso/oauth/callback",
    "/send\nSet-Cookie: x=1",
    `/${"a".repeat(600)}`,
  ])("refuses %j", (path) => {
    expect(isReturnPath(path)).toBe(false);
    expect(returnPathSchema.safeParse(path).success).toBe(false);
  });

  it("sets one query parameter and keeps the rest", () => {
    expect(withQueryParam("/send?name=Pat&sendoso=denied", "sendoso", "connected")).toBe(
      "/send?name=Pat&sendoso=connected",
    );
    expect(withQueryParam("/history", "sendoso", "connected")).toBe("/history?sendoso=connected");
  });
});

describe("the OAuth state's return path", () => {
  const secret = "s".repeat(32);

  it("comes back from a state this app signed", () => {
    const state = signOAuthState(secret, { userId: "u1", purpose: "own", returnTo: "/send?touch=3" });
    expect(verifyOAuthState(secret, state, "u1").returnTo).toBe("/send?touch=3");
  });

  it("is dropped when it would leave the app", () => {
    const state = signOAuthState(secret, { userId: "u1", purpose: "own", returnTo: "//evil.example" });
    const verified = verifyOAuthState(secret, state, "u1");
    expect(verified).toEqual({ userId: "u1", purpose: "own", nonce: expect.any(String) });
    expect(verified).not.toHaveProperty("returnTo");
  });
});
