/**
 * The dev OpenID Connect IdP as a plain node:http server: oidc-provider (optionally mounted under
 * `issuerPath`), the own login pages and the /__idp test control endpoints.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type Provider from "oidc-provider";
import { createAccountStore } from "./accounts";
import { type ClaimsMode, DEFAULT_MODE } from "./claims-mode";
import { CONTROL_PREFIX, handleControl } from "./control";
import { sendHtml, sendJson } from "./http";
import { handleInteraction } from "./interactions";
import { createProvider } from "./provider";
import { messagePage } from "./views";

export interface DevIdpOptions {
  clientId?: string;
  clientSecret?: string;
  redirectUris?: readonly string[];
  /** Allowed post-logout redirect URIs; default: the origin of each redirect URI plus "/". */
  postLogoutRedirectUris?: readonly string[];
  /** Mount the provider under a path, e.g. "/oauth2/default"; the issuer then ends with it. */
  issuerPath?: string;
  /** Also put email/profile/groups claims into the ID token (conformIdTokenClaims: false). */
  claimsInIdToken?: boolean;
  /** Keep the IdP session between sign-ins (SSO). Default false: the login page is shown every time. */
  rememberLogin?: boolean;
  cookieKeys?: readonly string[];
  /** Where groups go and how they look (claims-mode.ts); PUT /__idp/mode changes it, reset restores it. */
  claimsMode?: Partial<ClaimsMode>;
}

export interface DevIdp {
  /** Starts listening (port 0 picks a free port) and resolves with the issuer URL. */
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
  /** The issuer URL; throws before listen() has resolved. */
  readonly issuer: string;
}

export const DEFAULTS = {
  clientId: "gift-desk-dev",
  clientSecret: "gift-desk-dev-secret",
  redirectUris: ["http://localhost:3000/api/auth/callback/oidc"],
} as const;

export function normalizeIssuerPath(path: string | undefined): string {
  const trimmed = (path ?? "").trim().replace(/\/+$/, "");
  if (!trimmed) return "";
  return trimmed.startsWith("/") ? trimmed : `/${trimmed}`;
}

function issuerBase(address: AddressInfo): string {
  const host = ["0.0.0.0", "::"].includes(address.address) ? "127.0.0.1" : address.address;
  return `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;
}

function defaultPostLogoutUris(redirectUris: readonly string[]): string[] {
  return [...new Set(redirectUris.map((uri) => `${new URL(uri).origin}/`))];
}

export function createDevIdp(options: DevIdpOptions = {}): DevIdp {
  const issuerPath = normalizeIssuerPath(options.issuerPath);
  const redirectUris = options.redirectUris ?? DEFAULTS.redirectUris;
  const accounts = createAccountStore({ ...DEFAULT_MODE, ...options.claimsMode });
  let issuer: string | undefined;
  let provider: Provider | undefined;
  let callback: ((req: IncomingMessage, res: ServerResponse) => unknown) | undefined;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!provider || !callback || !issuer) return sendJson(res, 503, { error: "dev IdP is starting" });
    const path = new URL(req.url ?? "/", "http://idp.invalid").pathname;
    if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
      return handleControl(accounts, issuer, path, req, res);
    }
    if (issuerPath && path !== issuerPath && !path.startsWith(`${issuerPath}/`)) {
      return sendJson(res, 404, { error: "not_found", error_description: `the issuer is ${issuer}` });
    }
    const innerPath = path.slice(issuerPath.length) || "/";
    const deps = { provider, accounts, issuerPath, rememberLogin: options.rememberLogin ?? false };
    if (await handleInteraction(deps, innerPath, req, res)) return;
    if (issuerPath) {
      // Mounting: oidc-provider derives its mount path from originalUrl minus url (like express/koa-mount).
      const original = req.url ?? "/";
      const rest = original.slice(issuerPath.length);
      Object.assign(req, { originalUrl: original, url: rest.startsWith("/") ? rest : `/${rest}` });
    }
    await callback(req, res);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      console.error("[dev-idp] request failed:", err);
      if (!res.headersSent) sendHtml(res, 500, messagePage("Dev IdP error", String(err)));
      else res.end();
    });
  });

  return {
    get issuer() {
      if (!issuer) throw new Error("dev IdP is not listening yet");
      return issuer;
    },
    listen(port, host = "127.0.0.1") {
      return new Promise<string>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          try {
            issuer = `${issuerBase(server.address() as AddressInfo)}${issuerPath}`;
            provider = createProvider({
              issuer,
              issuerPath,
              clientId: options.clientId ?? DEFAULTS.clientId,
              clientSecret: options.clientSecret ?? DEFAULTS.clientSecret,
              redirectUris,
              postLogoutRedirectUris: options.postLogoutRedirectUris ?? defaultPostLogoutUris(redirectUris),
              claimsInIdToken: options.claimsInIdToken ?? false,
              rememberLogin: options.rememberLogin ?? false,
              cookieKeys: options.cookieKeys ?? ["gift-desk-dev-idp-cookie-key-1"],
              accounts,
            });
            callback = provider.callback();
            resolve(issuer);
          } catch (err) {
            server.close();
            reject(err);
          }
        });
      });
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
