import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
// The engine next-auth's route handlers call (next-auth itself does not load under plain Node ESM).
import { Auth } from "@auth/core";
import { expect } from "vitest";
import { buildAuthConfig } from "@/lib/auth/auth-config";
import type { Db } from "@/lib/db/client";
import { configFrom } from "@/lib/env";
import { CookieJar, request } from "./cookie-jar";

/** Where the app pretends to live; the dev IdP registers its callback. */
export const APP_URL = "http://localhost:3999";
export const CALLBACK_URL = `${APP_URL}/api/auth/callback/oidc`;
export const SESSION_COOKIE = "authjs.session-token";

/**
 * Gift Desk's real Auth.js configuration (lib/auth/auth-config.ts) run by @auth/core, as NextAuth's
 * route handlers run it, in-process: the sign-in runs the same callback code as the app, against a real IdP.
 */
export function authApp(db: Db, issuer: string, env: Record<string, string> = {}) {
  const config = configFrom({
    NODE_ENV: "test",
    GIFT_DESK_DATA_DIR: mkdtempSync(path.join(tmpdir(), "giftdesk-auth-")),
    AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
    AUTH_URL: APP_URL,
    AUTH_OIDC_ISSUER: issuer,
    AUTH_OIDC_CLIENT_ID: "gift-desk-dev",
    AUTH_OIDC_CLIENT_SECRET: "gift-desk-dev-secret",
    AUTH_ALLOWED_DOMAINS: "giftdesk.test",
    ...env,
  });
  const authConfig = {
    ...buildAuthConfig(config, { db: async () => db, requestId: async () => "req-auth-flow" }),
    basePath: "/api/auth",
  };
  const jar = new CookieJar();
  async function call(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = jar.header(url);
    if (cookie) headers.set("cookie", cookie);
    const res = await Auth(new Request(url, { ...init, headers }), authConfig);
    jar.store(res);
    return res;
  }
  async function csrf(): Promise<string> {
    const res = await call(`${APP_URL}/api/auth/csrf`);
    return ((await res.json()) as { csrfToken: string }).csrfToken;
  }
  const form = (values: Record<string, string>) => ({
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(values).toString(),
  });

  return {
    config,
    jar,
    /**
     * Our sign-in button → the IdP's login form → back to our callback. Returns where Auth.js sent the
     * browser at the end (`/send`, or `/signin?error=…`).
     */
    async signIn(email: string): Promise<URL> {
      const start = await call(
        `${APP_URL}/api/auth/signin/oidc`,
        form({ csrfToken: await csrf(), callbackUrl: "/send" }),
      );
      const idpJar = new CookieJar();
      let url = start.headers.get("location") ?? "";
      expect(url.startsWith(issuer), `signin went to ${url}`).toBe(true);
      let res = await request(idpJar, url);
      const loginPage = new URL(res.headers.get("location") ?? "", url).href;
      res = await request(idpJar, `${loginPage}/login`, {
        ...form({ email, password: "giftdesk" }),
      });
      url = loginPage;
      for (let hops = 0; hops < 6; hops++) {
        url = new URL(res.headers.get("location") ?? "", url).href;
        if (url.startsWith(CALLBACK_URL)) break;
        res = await request(idpJar, url);
      }
      const done = await call(url);
      return new URL(done.headers.get("location") ?? "", APP_URL);
    },
    async session(): Promise<{ user: { id: string }; signedInAt?: number } | null> {
      const res = await call(`${APP_URL}/api/auth/session`);
      return (await res.json()) as { user: { id: string }; signedInAt?: number } | null;
    },
    async signOut(): Promise<void> {
      await call(`${APP_URL}/api/auth/signout`, form({ csrfToken: await csrf() }));
    },
  };
}
