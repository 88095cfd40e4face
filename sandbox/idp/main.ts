/**
 * CLI for the dev IdP: `npm run sandbox:idp` (tsx sandbox/idp/main.ts).
 * Env: IDP_PORT (4000), IDP_HOST (127.0.0.1), IDP_REDIRECT_URIS (comma list), IDP_CLIENT_ID, IDP_CLIENT_SECRET,
 * IDP_ISSUER_PATH (e.g. /oauth2/default), IDP_CLAIMS_IN_ID_TOKEN=1, IDP_REMEMBER_LOGIN=1,
 * IDP_GROUPS_IN=userinfo|id_token|both, IDP_GROUP_FORMAT=name|path|id, IDP_GROUPS_OVERAGE=1 (claims-mode.ts).
 */
import { createAccountStore, DEMO_PASSWORD } from "./accounts";
import { type ClaimsMode, DEFAULT_MODE, formatGroup, parseMode } from "./claims-mode";
import { createDevIdp, DEFAULTS } from "./server";

const env = process.env;
const flag = (value: string | undefined) => value === "1" || value?.toLowerCase() === "true";
const list = (value: string | undefined) =>
  value
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);

const port = Number(env.IDP_PORT ?? 4000);
const host = env.IDP_HOST ?? "127.0.0.1";
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`[dev-idp] IDP_PORT must be a port number, got "${env.IDP_PORT}"`);
  process.exit(1);
}

const parsedMode = parseMode(
  {
    groupsIn: env.IDP_GROUPS_IN || undefined,
    groupFormat: env.IDP_GROUP_FORMAT || undefined,
    groupsOverage: env.IDP_GROUPS_OVERAGE ? flag(env.IDP_GROUPS_OVERAGE) : undefined,
  },
  DEFAULT_MODE,
);
if (typeof parsedMode === "string") {
  console.error(
    `[dev-idp] ${parsedMode.replace("groupsIn", "IDP_GROUPS_IN").replace("groupFormat", "IDP_GROUP_FORMAT")}`,
  );
  process.exit(1);
}
const mode: ClaimsMode = parsedMode;

const clientId = env.IDP_CLIENT_ID || DEFAULTS.clientId;
const redirectUris = list(env.IDP_REDIRECT_URIS) ?? [...DEFAULTS.redirectUris];
const idp = createDevIdp({
  clientId,
  clientSecret: env.IDP_CLIENT_SECRET || DEFAULTS.clientSecret,
  redirectUris,
  issuerPath: env.IDP_ISSUER_PATH,
  claimsInIdToken: flag(env.IDP_CLAIMS_IN_ID_TOKEN),
  rememberLogin: flag(env.IDP_REMEMBER_LOGIN),
  claimsMode: mode,
});

async function main(): Promise<void> {
  try {
    const issuer = await idp.listen(port, host);
    const users = createAccountStore().list();
    const width = Math.max(...users.map((u) => u.email.length));
    console.log(
      [
        `[dev-idp] Gift Desk dev OIDC IdP listening. Issuer: ${issuer}`,
        `[dev-idp] Discovery: ${issuer}/.well-known/openid-configuration`,
        `[dev-idp] Client: ${clientId} (client_secret_basic, PKCE S256 required)`,
        `[dev-idp] Redirect URIs: ${redirectUris.join(", ")}`,
        `[dev-idp] Groups in ${mode.groupsIn}, as ${mode.groupFormat}${mode.groupsOverage ? ", overage (no groups, _claim_names)" : ""}`,
        `[dev-idp] Demo logins (password for all: ${DEMO_PASSWORD}):`,
        ...users.map(
          (u) =>
            `    ${u.email.padEnd(width)}  ${u.name.padEnd(15)} groups=[${u.groups.map((g) => formatGroup(g, mode.groupFormat)).join(", ")}]` +
            (u.emailVerified ? "" : "  (email not verified)"),
        ),
      ].join("\n"),
    );
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EADDRINUSE") {
      console.error(
        `[dev-idp] Port ${port} on ${host} is already in use. Stop the other process or set IDP_PORT to a free port.`,
      );
    } else {
      console.error("[dev-idp] failed to start:", err);
    }
    process.exit(1);
  }
}

void main();

const shutdown = () => {
  idp.close().finally(() => process.exit(0));
};
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
