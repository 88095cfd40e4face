import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devGroupId } from "../../sandbox/idp/claims-mode";
import { createDevIdp, type DevIdp } from "../../sandbox/idp/server";
import { CookieJar, request } from "../support/cookie-jar";

const CLIENT_ID = "gift-desk-test";
const CLIENT_SECRET = "gift-desk-test-secret";
const REDIRECT_URI = "http://localhost:3999/api/auth/callback/oidc";
const PASSWORD = "giftdesk";

function location(res: Response, base: string): string {
  const value = res.headers.get("location");
  if (!value) throw new Error(`expected a redirect, got ${res.status}: no location header`);
  return new URL(value, base).href;
}

const b64url = (buf: Buffer) => buf.toString("base64url");

function pkce() {
  const verifier = b64url(randomBytes(32));
  return { verifier, challenge: b64url(createHash("sha256").update(verifier).digest()) };
}

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  userinfo_endpoint: string;
  scopes_supported: string[];
  code_challenge_methods_supported: string[];
  claims_supported: string[];
}

async function discover(issuer: string): Promise<Discovery> {
  const res = await fetch(`${issuer}/.well-known/openid-configuration`);
  expect(res.status).toBe(200);
  return (await res.json()) as Discovery;
}

interface Flow {
  jar: CookieJar;
  verifier: string;
  state: string;
  nonce: string;
  /** Absolute URL of the login page. */
  loginPage: string;
}

/** Sends the authorization request and follows it to the login page. */
async function startSignIn(
  meta: Discovery,
  scope = "openid email profile",
  jar = new CookieJar(),
): Promise<Flow> {
  const { verifier, challenge } = pkce();
  const state = b64url(randomBytes(12));
  const nonce = b64url(randomBytes(12));
  const url = new URL(meta.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    response_type: "code",
    scope,
    state,
    nonce,
    code_challenge: challenge,
    code_challenge_method: "S256",
  }).toString();
  const res = await request(jar, url.href);
  expect(res.status).toBe(303);
  const loginPage = location(res, url.href);
  expect(new URL(loginPage).pathname).toMatch(/\/interaction\/[\w-]+$/);
  return { jar, verifier, state, nonce, loginPage };
}

async function submitLogin(flow: Flow, email: string, password = PASSWORD): Promise<Response> {
  return request(flow.jar, `${flow.loginPage}/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password }).toString(),
  });
}

/** Follows redirects inside the IdP until it redirects to the client's redirect_uri; returns that URL. */
async function followToClient(flow: Flow, res: Response): Promise<URL> {
  let current = res;
  let url = flow.loginPage;
  for (let hops = 0; hops < 5; hops++) {
    expect([302, 303]).toContain(current.status);
    url = location(current, url);
    if (url.startsWith(REDIRECT_URI)) return new URL(url);
    current = await request(flow.jar, url);
  }
  throw new Error("too many redirects");
}

async function exchangeCode(meta: Discovery, flow: Flow, code: string) {
  const res = await fetch(meta.token_endpoint, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: flow.verifier,
    }).toString(),
  });
  const body = (await res.json()) as Record<string, unknown>;
  expect(res.status, JSON.stringify(body)).toBe(200);
  return body as { access_token: string; id_token: string; refresh_token?: string; token_type: string };
}

async function userinfo(meta: Discovery, accessToken: string): Promise<Record<string, unknown>> {
  const res = await fetch(meta.userinfo_endpoint, { headers: { authorization: `Bearer ${accessToken}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

function decodeJwt(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8")) as Record<
    string,
    unknown
  >;
}

/** Full sign-in: authorize → login → code → tokens → userinfo. */
async function signIn(meta: Discovery, email: string, scope?: string) {
  const flow = await startSignIn(meta, scope);
  const callback = await followToClient(flow, await submitLogin(flow, email));
  expect(callback.searchParams.get("state")).toBe(flow.state);
  const code = callback.searchParams.get("code");
  expect(code).toBeTruthy();
  const tokens = await exchangeCode(meta, flow, code ?? "");
  return {
    flow,
    callback,
    tokens,
    idToken: decodeJwt(tokens.id_token),
    user: await userinfo(meta, tokens.access_token),
  };
}

describe("dev IdP (root issuer)", () => {
  let idp: DevIdp;
  let issuer: string;
  let meta: Discovery;

  beforeAll(async () => {
    idp = createDevIdp({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT_URI] });
    issuer = await idp.listen(0);
    meta = await discover(issuer);
  });
  afterAll(async () => {
    await idp.close();
  });

  it("serves a discovery document for its own base URL", () => {
    expect(issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(idp.issuer).toBe(issuer);
    expect(meta.issuer).toBe(issuer);
    expect(meta.authorization_endpoint.startsWith(issuer)).toBe(true);
    expect(meta.code_challenge_methods_supported).toEqual(["S256"]);
    expect(meta.scopes_supported).toEqual(expect.arrayContaining(["openid", "email", "profile", "groups"]));
    expect(meta.claims_supported).toEqual(
      expect.arrayContaining(["email", "email_verified", "name", "groups"]),
    );
  });

  it("completes authorization code + PKCE and serves the claims from userinfo", async () => {
    const { callback, tokens, idToken, user } = await signIn(meta, "Rep@GiftDesk.test");
    expect(callback.searchParams.get("iss")).toBe(issuer);
    expect(tokens.token_type).toBe("Bearer");
    expect(tokens.refresh_token).toBeTruthy();
    expect(user).toEqual({
      sub: "dev-rep-1",
      email: "rep@giftdesk.test",
      email_verified: true,
      name: "Riley Rep",
      given_name: "Riley",
      family_name: "Rep",
      groups: ["team-a"],
    });
    // Spec-conformant ID token: only sub; groups go to userinfo only by default (IDP_GROUPS_IN=userinfo).
    expect(idToken).toMatchObject({ iss: issuer, aud: CLIENT_ID, sub: "dev-rep-1" });
    expect(idToken.email).toBeUndefined();
    expect(idToken.groups).toBeUndefined();
  });

  it("releases groups with the groups scope and withholds them without profile/groups", async () => {
    const withGroups = await signIn(meta, "admin@giftdesk.test", "openid groups");
    expect(withGroups.user).toEqual({ sub: "dev-admin-1", groups: ["gift-desk-admins"] });
    const emailOnly = await signIn(meta, "admin@giftdesk.test", "openid email");
    expect(emailOnly.user).toEqual({
      sub: "dev-admin-1",
      email: "admin@giftdesk.test",
      email_verified: true,
    });
    expect(emailOnly.idToken.groups).toBeUndefined();
  });

  it("reports email_verified false for the unverified demo user", async () => {
    const { user } = await signIn(meta, "unverified@giftdesk.test");
    expect(user).toMatchObject({
      email: "unverified@giftdesk.test",
      email_verified: false,
      name: "Una Verified",
    });
  });

  it("issues refresh tokens that work with the refresh_token grant", async () => {
    const { tokens } = await signIn(meta, "rep2@giftdesk.test");
    const res = await fetch(meta.token_endpoint, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: tokens.refresh_token ?? "" }),
    });
    expect(res.status).toBe(200);
    const refreshed = (await res.json()) as { access_token: string };
    expect((await userinfo(meta, refreshed.access_token)).email).toBe("rep2@giftdesk.test");
  });

  it("renders an accessible login page listing the demo logins", async () => {
    const flow = await startSignIn(meta);
    const res = await request(flow.jar, flow.loginPage);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("<title>Gift Desk dev sign-in</title>");
    expect(html).toMatch(/<main>[\s\S]*<h1>Gift Desk dev sign-in<\/h1>[\s\S]*<\/main>/);
    expect(html).toMatch(/<label for="email">Email<\/label>\s*<input id="email"/);
    expect(html).toMatch(/<label for="password">Password<\/label>\s*<input id="password"/);
    expect(html).toMatch(/<button[^>]*>Sign in<\/button>/);
    expect(html).toMatch(/<button[^>]*>Cancel<\/button>/);
    for (const email of ["rep@giftdesk.test", "manager@giftdesk.test", "outsider@example.com"]) {
      expect(html).toContain(email);
    }
    expect(html).toContain(PASSWORD);
    expect(html).not.toContain('role="alert"');
  });

  it("rejects an authorization request without code_challenge", async () => {
    const url = new URL(meta.authorization_endpoint);
    url.search = new URLSearchParams({
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      response_type: "code",
      scope: "openid email profile",
      state: "no-pkce",
    }).toString();
    const res = await fetch(url, { redirect: "manual" });
    expect(res.status).toBe(303);
    const target = new URL(location(res, url.href));
    expect(target.href.startsWith(REDIRECT_URI)).toBe(true);
    expect(target.searchParams.get("error")).toBe("invalid_request");
    expect(target.searchParams.get("error_description")).toMatch(/PKCE/);
    expect(target.searchParams.get("state")).toBe("no-pkce");
    expect(target.searchParams.get("code")).toBeNull();
  });

  it("re-renders the login page with an error for a wrong password, then accepts the right one", async () => {
    const flow = await startSignIn(meta);
    const wrong = await submitLogin(flow, "rep@giftdesk.test", "nope");
    expect(wrong.status).toBe(200);
    const html = await wrong.text();
    expect(html).toMatch(/role="alert"[^>]*>Wrong email or password</);
    expect(html).toContain('value="rep@giftdesk.test"');

    const unknown = await submitLogin(flow, "nobody@giftdesk.test");
    expect(unknown.status).toBe(200);
    expect(await unknown.text()).toContain("Wrong email or password");

    const callback = await followToClient(flow, await submitLogin(flow, "rep@giftdesk.test"));
    expect(callback.searchParams.get("code")).toBeTruthy();
  });

  it("returns error=access_denied to the client when the user cancels", async () => {
    const flow = await startSignIn(meta);
    const res = await request(flow.jar, `${flow.loginPage}/abort`, { method: "POST" });
    const callback = await followToClient(flow, res);
    expect(callback.searchParams.get("error")).toBe("access_denied");
    expect(callback.searchParams.get("state")).toBe(flow.state);
    expect(callback.searchParams.get("code")).toBeNull();
  });

  it("shows the login page again on the next sign-in (no IdP SSO session), so users can switch", async () => {
    const first = await startSignIn(meta);
    await followToClient(first, await submitLogin(first, "rep@giftdesk.test"));
    const second = await startSignIn(meta, undefined, first.jar);
    const res = await request(second.jar, second.loginPage);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Gift Desk dev sign-in");
    const callback = await followToClient(second, await submitLogin(second, "manager@giftdesk.test"));
    const tokens = await exchangeCode(meta, second, callback.searchParams.get("code") ?? "");
    expect((await userinfo(meta, tokens.access_token)).sub).toBe("dev-manager-1");
  });

  it("changes a user's groups through the control endpoint and resets them", async () => {
    const control = `${issuer}/__idp`;
    expect(await (await fetch(`${control}/health`)).json()).toEqual({ ok: true, issuer });

    const users = (await (await fetch(`${control}/users`)).json()) as { email: string; groups: string[] }[];
    expect(users.map((u) => u.email)).toContain("manager@giftdesk.test");

    const put = await fetch(`${control}/users/${encodeURIComponent("Manager@giftdesk.test")}/groups`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ groups: ["gift-desk-admins"] }),
    });
    expect(put.status).toBe(200);
    expect(((await put.json()) as { groups: string[] }).groups).toEqual(["gift-desk-admins"]);
    expect((await signIn(meta, "manager@giftdesk.test")).user.groups).toEqual(["gift-desk-admins"]);

    const missing = await fetch(`${control}/users/nobody@giftdesk.test/groups`, {
      method: "PUT",
      body: JSON.stringify({ groups: [] }),
    });
    expect(missing.status).toBe(404);
    const invalid = await fetch(`${control}/users/manager@giftdesk.test/groups`, {
      method: "PUT",
      body: JSON.stringify({ groups: "gift-desk-admins" }),
    });
    expect(invalid.status).toBe(400);

    expect((await fetch(`${control}/reset`, { method: "POST" })).status).toBe(200);
    expect((await signIn(meta, "manager@giftdesk.test")).user.groups).toEqual([
      "gift-desk-managers",
      "team-a",
    ]);
  });
});

describe("dev IdP mounted under an issuer path, with claims in the ID token", () => {
  let idp: DevIdp;
  let issuer: string;

  beforeAll(async () => {
    idp = createDevIdp({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      redirectUris: [REDIRECT_URI],
      issuerPath: "/oauth2/default/",
      claimsInIdToken: true,
      claimsMode: { groupsIn: "both" },
    });
    issuer = await idp.listen(0);
  });
  afterAll(async () => {
    await idp.close();
  });

  it("includes the path in the issuer and every endpoint", async () => {
    expect(issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth2\/default$/);
    const meta = await discover(issuer);
    expect(meta.issuer).toBe(issuer);
    for (const endpoint of [meta.authorization_endpoint, meta.token_endpoint, meta.userinfo_endpoint]) {
      expect(endpoint.startsWith(`${issuer}/`)).toBe(true);
    }
    const root = await fetch(`${new URL(issuer).origin}/.well-known/openid-configuration`);
    expect(root.status).toBe(404);
  });

  it("completes a sign-in under the path and puts the claims into the ID token", async () => {
    const meta = await discover(issuer);
    const { flow, callback, idToken, user } = await signIn(meta, "manager@giftdesk.test");
    expect(new URL(flow.loginPage).pathname).toMatch(/^\/oauth2\/default\/interaction\//);
    expect(callback.searchParams.get("iss")).toBe(issuer);
    expect(user.groups).toEqual(["gift-desk-managers", "team-a"]);
    expect(idToken).toMatchObject({
      iss: issuer,
      sub: "dev-manager-1",
      nonce: flow.nonce,
      email: "manager@giftdesk.test",
      email_verified: true,
      name: "Morgan Manager",
      groups: ["gift-desk-managers", "team-a"],
    });
  });
});

describe("dev IdP claims modes (where groups go, and how they look)", () => {
  let idp: DevIdp;
  let issuer: string;
  let meta: Discovery;
  const setMode = (mode: Record<string, unknown>) =>
    fetch(`${issuer}/__idp/mode`, { method: "PUT", body: JSON.stringify(mode) });

  beforeAll(async () => {
    idp = createDevIdp({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT_URI] });
    issuer = await idp.listen(0);
    meta = await discover(issuer);
  });
  afterAll(async () => {
    await idp.close();
  });

  it("puts groups only in the ID token, like Entra ID, and formats them as paths or ids", async () => {
    expect((await setMode({ groupsIn: "id_token", groupFormat: "path" })).status).toBe(200);
    const paths = await signIn(meta, "manager@giftdesk.test");
    expect(paths.idToken.groups).toEqual(["/gift-desk-managers", "/sales/team-a"]);
    expect(paths.user.groups).toBeUndefined();

    await setMode({ groupFormat: "id" });
    const ids = await signIn(meta, "manager@giftdesk.test");
    expect(ids.idToken.groups).toEqual([devGroupId("gift-desk-managers"), devGroupId("team-a")]);
    expect(String((ids.idToken.groups as string[])[0])).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const groups = (await (await fetch(`${issuer}/__idp/groups`)).json()) as { name: string; id: string }[];
    expect(groups).toContainEqual({ name: "team-a", path: "/sales/team-a", id: devGroupId("team-a") });
  });

  it("sends app roles in the ID token only, and the overage pointer instead of groups", async () => {
    await setMode({ groupsIn: "both", groupFormat: "name", groupsOverage: false });
    await fetch(`${issuer}/__idp/users/rep@giftdesk.test/roles`, {
      method: "PUT",
      body: JSON.stringify({ roles: ["GiftDesk.Manager"] }),
    });
    const both = await signIn(meta, "rep@giftdesk.test");
    expect(both.idToken).toMatchObject({ groups: ["team-a"], roles: ["GiftDesk.Manager"] });
    expect(both.user).toMatchObject({ groups: ["team-a"] });
    expect(both.user.roles).toBeUndefined();

    await setMode({ groupsOverage: true });
    const over = await signIn(meta, "rep@giftdesk.test");
    expect(over.idToken.groups).toBeUndefined();
    expect(over.idToken._claim_names).toEqual({ groups: "src1" });
    expect(over.user.groups).toBeUndefined();
  });

  it("refuses a malformed mode and restores the start-up mode on reset", async () => {
    expect((await setMode({ groupsIn: "everywhere" })).status).toBe(400);
    expect((await setMode({ groupsOverage: "yes" })).status).toBe(400);
    await fetch(`${issuer}/__idp/reset`, { method: "POST" });
    expect(await (await fetch(`${issuer}/__idp/mode`)).json()).toEqual({
      groupsIn: "userinfo",
      groupFormat: "name",
      groupsOverage: false,
    });
  });
});

describe("dev IdP with rememberLogin (SSO session kept)", () => {
  let idp: DevIdp;
  let meta: Discovery;

  beforeAll(async () => {
    idp = createDevIdp({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      redirectUris: [REDIRECT_URI],
      rememberLogin: true,
    });
    meta = await discover(await idp.listen(0));
  });
  afterAll(async () => {
    await idp.close();
  });

  it("skips the login page on the next authorization request", async () => {
    const first = await startSignIn(meta);
    await followToClient(first, await submitLogin(first, "rep@giftdesk.test"));
    const url = new URL(meta.authorization_endpoint);
    const { challenge } = pkce();
    url.search = new URLSearchParams({
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      response_type: "code",
      scope: "openid email profile",
      state: "again",
      code_challenge: challenge,
      code_challenge_method: "S256",
    }).toString();
    const res = await request(first.jar, url.href);
    expect(res.status).toBe(303);
    const target = new URL(location(res, url.href));
    expect(target.href.startsWith(REDIRECT_URI)).toBe(true);
    expect(target.searchParams.get("code")).toBeTruthy();
  });
});
