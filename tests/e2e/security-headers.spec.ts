import { postAction } from "./support/actions";
import { stateFor } from "./support/sign-in";
import { expect, test } from "./support/test";

function expectSecurityHeaders(headers: Record<string, string>) {
  expect(headers["content-security-policy"]).toMatch(
    /script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/,
  );
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
}

test.use({ storageState: stateFor("rep") });

test("pages carry the security headers, and the nonce reaches the scripts", async ({ request }) => {
  for (const path of ["/signin", "/send", "/history"]) {
    const response = await request.get(path);
    expectSecurityHeaders(response.headers());
    const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
    expect(await response.text()).toContain(`nonce="${nonce}"`);
  }
});

test("route handlers and server actions carry them too", async ({ request }) => {
  expectSecurityHeaders((await request.get("/api/auth/session")).headers());
  const action = await postAction(request, "/send", "sendGift", [{}]);
  expectSecurityHeaders(action.headers());
});

test("a page that does not exist carries them", async ({ request }) => {
  const response = await request.get("/no-such-page");
  expect(response.status()).toBe(404);
  expectSecurityHeaders(response.headers());
});
