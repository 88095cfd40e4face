/** oidc-provider configuration for the dev IdP: one static first-party client, PKCE S256, demo accounts. */
import { generateKeyPairSync, randomUUID } from "node:crypto";
import Provider, { type Configuration, type KoaContextWithOIDC, type Session } from "oidc-provider";
import { type AccountStore, claimsFor } from "./accounts";
import { createMemoryAdapterFactory } from "./adapter";
import { logoutPage, logoutSuccessPage, messagePage } from "./views";

export const SCOPES = ["openid", "email", "profile", "groups"] as const;

export interface ProviderOptions {
  /** Full issuer URL, including `issuerPath` when mounted under a path. */
  issuer: string;
  /** Path prefix the provider is mounted under ("" for the root). */
  issuerPath: string;
  clientId: string;
  clientSecret: string;
  redirectUris: readonly string[];
  postLogoutRedirectUris: readonly string[];
  /** Put the scope claims into the ID token too (`conformIdTokenClaims: false`), like Entra ID / Keycloak. */
  claimsInIdToken: boolean;
  /** Keep the IdP session after sign-in (SSO). Off by default so every sign-in shows the login page. */
  rememberLogin: boolean;
  cookieKeys: readonly string[];
  accounts: AccountStore;
}

function signingKey() {
  const jwk = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
  return { ...jwk, kid: `dev-${randomUUID()}`, alg: "RS256", use: "sig" };
}

export function createProvider(opts: ProviderOptions): Provider {
  const { accounts, clientId } = opts;
  const DAY = 24 * 60 * 60;

  const configuration: Configuration = {
    adapter: createMemoryAdapterFactory(),
    jwks: { keys: [signingKey()] },
    clients: [
      {
        client_id: clientId,
        client_secret: opts.clientSecret,
        client_name: "Gift Desk (dev)",
        redirect_uris: [...opts.redirectUris],
        post_logout_redirect_uris: [...opts.postLogoutRedirectUris],
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    responseTypes: ["code"],
    scopes: [...SCOPES],
    claims: {
      // "groups" is listed under openid so that it passes the ID-token/userinfo scope mask even when the
      // ID token is spec-conformant (mask = "openid" only); the account decides per scope whether to
      // release it (only with "profile" or "groups", see claimsFor).
      openid: ["sub", "groups", "roles"],
      email: ["email", "email_verified"],
      profile: ["name", "given_name", "family_name"],
      groups: ["groups"],
    },
    conformIdTokenClaims: !opts.claimsInIdToken,
    pkce: { required: () => true },
    cookies: { keys: [...opts.cookieKeys] },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = "html";
          ctx.body = logoutPage(form, ctx.host);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = "html";
          ctx.body = logoutSuccessPage();
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `${opts.issuerPath}/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      if (!accounts.findBySub(sub)) return undefined;
      return {
        accountId: sub,
        // Read the store on every call so group changes made through /__idp apply immediately.
        claims: (use, scope) => {
          const user = accounts.findBySub(sub);
          return user ? claimsFor(user, scope, use, accounts.mode()) : { sub };
        },
      };
    },
    // First-party client: never show a consent screen, grant every supported scope up front.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { client, session, account } = ctx.oidc;
      if (!client || !session || !account) return undefined;
      const existingId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      const existing = existingId ? await ctx.oidc.provider.Grant.find(existingId) : undefined;
      if (existing && existing.accountId === account.accountId) return existing;
      if (client.clientId !== clientId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId, accountId: account.accountId });
      grant.addOIDCScope([...SCOPES]);
      await grant.save();
      return grant;
    },
    // Tokens do not die with the IdP session (the session is dropped after each sign-in, see below).
    expiresWithSession: () => false,
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed("refresh_token"),
    clientBasedCORS: () => true,
    ttl: {
      AccessToken: 60 * 60,
      AuthorizationCode: 60,
      IdToken: 60 * 60,
      RefreshToken: 14 * DAY,
      Interaction: 60 * 60,
      Session: 14 * DAY,
      Grant: 14 * DAY,
    },
    renderError(ctx, out) {
      ctx.type = "html";
      ctx.body = messagePage("Sign-in error", "The dev IdP could not complete this request.", { ...out });
    },
  };

  const provider = new Provider(opts.issuer, configuration);

  if (!opts.rememberLogin) {
    // Forget the IdP session once the code is issued, so the next sign-in shows the login page again
    // (lets developers switch demo users without signing out of the IdP).
    provider.on("authorization.success", (ctx: KoaContextWithOIDC) => {
      const session = ctx.oidc.session as (Session & { destroyed?: boolean }) | undefined;
      if (!session) return;
      void session.destroy().catch(() => undefined);
      session.destroyed = true; // oidc-provider then skips saving the session and setting its cookie
    });
  }
  return provider;
}
