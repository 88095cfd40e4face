import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";
import { readOrCreateDevSecret } from "./dev-secrets";
import { isTimeZone } from "./validation/url-params";

/**
 * The only reader of process.env. Validated once, on first use (the app calls it at start-up from
 * instrumentation.ts); never at import time, so `next build` needs no runtime secrets.
 */
/** Inlined by Next at build time; safe to read anywhere, including the proxy. */
export const isDevelopment = process.env.NODE_ENV === "development";

/** The simulator signs with the same value by default (sandbox/sendoso/webhook-signing.ts). */
export const SANDBOX_WEBHOOK_SECRET = "whsec_Z2lmdC1kZXNrLXNhbmRib3gtd2ViaG9vay1zZWNyZXQ=";

const optionalUrl = z.url().optional();
const splitList = (v: string | undefined) =>
  (v ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
const commaList = (fallback?: string) =>
  z
    .string()
    .optional()
    .transform((v) => splitList(v ?? fallback));

/** `groupIdOrName:team`; the last `:` splits, so a group may contain one (Keycloak paths do not). */
const teamMapEntry = z
  .string()
  .regex(
    /^.+:[a-z0-9][a-z0-9_-]*$/,
    "AUTH_TEAM_GROUPS entries look like groupIdOrName:team (team: a-z, 0-9, - or _)",
  );

function readRawEnv(source: Record<string, string | undefined>) {
  return createEnv({
    server: {
      NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
      GIFT_DESK_DEMO: z.enum(["0", "1"]).default("0"),
      GIFT_DESK_DATA_DIR: z.string().default(".data"),
      DATABASE_URL: optionalUrl,
      MIGRATION_DATABASE_URL: optionalUrl,
      GIFT_DESK_MIGRATE_ON_START: z.enum(["0", "1"]).default("1"),
      GIFT_DESK_JOBS: z.enum(["in-process", "cron"]).optional(),
      AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
      AUTH_URL: optionalUrl,
      AUTH_OIDC_ISSUER: optionalUrl,
      AUTH_OIDC_CLIENT_ID: z.string().optional(),
      AUTH_OIDC_CLIENT_SECRET: z.string().optional(),
      AUTH_OIDC_SCOPE: z.string().default("openid email profile"),
      AUTH_OIDC_NAME: z.string().default("Company SSO"),
      AUTH_ALLOWED_DOMAINS: commaList(),
      AUTH_GROUPS_CLAIM: z.string().default("groups"),
      AUTH_MANAGER_GROUPS: commaList("gift-desk-managers"),
      AUTH_ADMIN_GROUPS: commaList("gift-desk-admins"),
      AUTH_TEAM_GROUP_PREFIX: z.string().default("team-"),
      AUTH_TEAM_GROUPS: commaList().pipe(z.array(teamMapEntry)),
      AUTH_ROLES_CLAIM: z.string().default("roles"),
      AUTH_GROUPS_SOURCE: z.enum(["union", "id_token", "userinfo"]).default("union"),
      AUTH_TRUST_UNVERIFIED_EMAIL: z.enum(["0", "1"]).default("0"),
      AUTH_ROLE_SOURCE: z.enum(["idp", "app"]).default("idp"),
      AUTH_BOOTSTRAP_ADMINS: commaList(),
      SENDOSO_BASE_URL: optionalUrl,
      SENDOSO_CLIENT_ID: z.string().optional(),
      SENDOSO_CLIENT_SECRET: z.string().optional(),
      SEND_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000).default(20),
      SIGNIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000).default(10),
      REPEAT_RECIPIENT_WINDOW_DAYS: z.coerce.number().int().min(0).max(365).default(30),
      CRON_SECRET: z.string().min(16, "CRON_SECRET must be at least 16 characters").optional(),
      SENDOSO_VIA_FROM: z.string().min(1).default("Gift Desk"),
      // `sent_via` values Sendoso gives API sends (undocumented); our via_from always counts too.
      SENDOSO_API_SENT_VIA: commaList("API"),
      SENDOSO_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(15_000),
      SENDOSO_RATE_LIMIT_PER_SECOND: z.coerce.number().int().min(1).max(1_000).default(10),
      TOKEN_ENCRYPTION_KEY: z
        .string()
        .refine((v) => Buffer.from(v.trim(), "base64").length === 32, {
          message: "TOKEN_ENCRYPTION_KEY must be 32 random bytes, base64-encoded (openssl rand -base64 32)",
        })
        .optional(),
      TOKEN_ENCRYPTION_PREVIOUS_KEYS: z
        .string()
        .optional()
        // Not `commaList`: base64 is case-sensitive.
        .transform((v) =>
          (v ?? "")
            .split(",")
            .map((k) => k.trim())
            .filter(Boolean),
        )
        .refine((keys) => keys.every((k) => Buffer.from(k, "base64").length === 32), {
          message: "TOKEN_ENCRYPTION_PREVIOUS_KEYS must be a comma list of 32-byte base64 keys",
        }),
      SENDOSO_WEBHOOK_SECRET: z
        .string()
        .trim()
        .regex(
          /^whsec_[A-Za-z0-9+/]{16,}={0,2}$/,
          "SENDOSO_WEBHOOK_SECRET is the Svix signing secret: whsec_ followed by base64",
        )
        .optional(),
      OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl,
      HTTPS_PROXY: optionalUrl,
      HTTP_PROXY: optionalUrl,
      NO_PROXY: z.string().optional(),
      https_proxy: optionalUrl,
      http_proxy: optionalUrl,
      no_proxy: z.string().optional(),
      SMTP_URL: optionalUrl,
      SMTP_FROM: z.string().min(3).default("Gift Desk <gift-desk@localhost>"),
      ORG_CURRENCY: z.string().length(3).default("USD"),
      ORG_TIME_ZONE: z
        .string()
        .trim()
        .refine(isTimeZone, { message: "ORG_TIME_ZONE must be an IANA time zone, e.g. Europe/Paris" })
        .default("UTC"),
      WAITING_ON_RECIPIENT_DAYS: z.coerce.number().int().min(1).max(90).default(7),
      SANDBOX_IDP_URL: z.url().default("http://127.0.0.1:4000"),
      SANDBOX_SENDOSO_URL: z.url().default("http://127.0.0.1:4010"),
      SENDOSO_SANDBOX_TOKEN: z.string().default("sandbox-token"),
      // Issue 16 hardening (SECURITY.md).
      TEAMLESS_SENDS: z.enum(["refuse", "approve"]).default("approve"),
      SENDOSO_READ_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000).default(30),
      RECIPIENT_CHECK_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000).default(5),
      EXPORT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000).default(5),
      APPROVAL_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000).default(30),
      TRUSTED_REQUEST_ID_HEADER: z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[a-z0-9-]{1,64}$/, "TRUSTED_REQUEST_ID_HEADER is a header name such as x-amzn-trace-id")
        .optional(),
    },
    runtimeEnv: source,
    emptyStringAsUndefined: true,
    onValidationError: (issues) => {
      const lines = issues.map((i) => `  ${i.path?.map(String).join(".") ?? "?"}: ${i.message}`);
      throw new Error(`Invalid Gift Desk configuration:\n${lines.join("\n")}`);
    },
  });
}

export type RawEnv = ReturnType<typeof readRawEnv>;

/** Fails start-up in production when a setting that has a sandbox fallback in development is missing. */
function requireInProduction(raw: RawEnv, names: (keyof RawEnv)[]): void {
  const missing = names.filter((n) => raw[n] === undefined || (Array.isArray(raw[n]) && raw[n].length === 0));
  if (missing.length > 0) {
    throw new Error(
      `Missing configuration for production: ${missing.join(", ")}. ` +
        "Set them, or set GIFT_DESK_DEMO=1 to run on the bundled sandbox on purpose.",
    );
  }
}

/**
 * Where the background jobs run. Outside production (and in the demo) in-process by default; in
 * production a scheduler calling /api/cron/* by default, which is useless without CRON_SECRET (every
 * call refused, so stuck sends are never swept), hence refused at start with the two ways out.
 */
function jobsMode(raw: RawEnv, strict: boolean): "in-process" | "cron" {
  const mode = raw.GIFT_DESK_JOBS ?? (strict ? "cron" : "in-process");
  if (strict && mode === "cron" && raw.CRON_SECRET === undefined) {
    throw new Error(
      "Background jobs would never run: GIFT_DESK_JOBS is cron (the production default) but CRON_SECRET " +
        "is unset, so every /api/cron/* call is refused. Set CRON_SECRET and have a scheduler POST " +
        "/api/cron/sweep, /api/cron/sync and /api/cron/notifications every minute, or set " +
        "GIFT_DESK_JOBS=in-process.",
    );
  }
  return mode;
}

export function buildConfig(raw: RawEnv) {
  const production = raw.NODE_ENV === "production";
  const strict = production && raw.GIFT_DESK_DEMO !== "1";
  const dataDir = raw.GIFT_DESK_DATA_DIR;
  if (strict) {
    requireInProduction(raw, [
      "AUTH_SECRET",
      "AUTH_URL",
      "AUTH_OIDC_ISSUER",
      "AUTH_OIDC_CLIENT_ID",
      "AUTH_OIDC_CLIENT_SECRET",
      "AUTH_ALLOWED_DOMAINS",
      "SENDOSO_BASE_URL",
      "SENDOSO_CLIENT_ID",
      "SENDOSO_CLIENT_SECRET",
      "DATABASE_URL",
      "TOKEN_ENCRYPTION_KEY",
    ]);
  }
  const jobs = jobsMode(raw, strict);
  const idpSandbox = raw.AUTH_OIDC_ISSUER === undefined;
  const sendosoSandbox = raw.SENDOSO_CLIENT_ID === undefined;
  const authUrl = raw.AUTH_URL ?? "http://localhost:3000";
  return {
    production,
    dataDir,
    cronSecret: raw.CRON_SECRET,
    /** Per-user limits, counted in the database so every app instance shares them. */
    limits: {
      sendsPerMinute: raw.SEND_RATE_LIMIT_PER_MINUTE,
      signInsPerMinute: raw.SIGNIN_RATE_LIMIT_PER_MINUTE,
      /** Sendoso reads a user may cause (header chip, touch list), beside the short per-connection cache. */
      sendosoReadsPerMinute: raw.SENDOSO_READ_RATE_LIMIT_PER_MINUTE,
      /** Send attempts that end in a repeat-recipient question (they send nothing but disclose). */
      recipientChecksPerMinute: raw.RECIPIENT_CHECK_RATE_LIMIT_PER_MINUTE,
      exportsPerMinute: raw.EXPORT_RATE_LIMIT_PER_MINUTE,
      approvalsPerMinute: raw.APPROVAL_RATE_LIMIT_PER_MINUTE,
    },
    /** A sender with no team: refused, or every send waits for an admin (lib/spend/teamless.ts). */
    teamlessSends: raw.TEAMLESS_SENDS,
    /** The one incoming header whose request id is kept (your proxy sets it); unset: always generated. */
    trustedRequestIdHeader: raw.TRUSTED_REQUEST_ID_HEADER,
    /** A recipient anyone gifted within this many days needs the rep's confirmation before another gift. */
    repeatRecipientWindowDays: raw.REPEAT_RECIPIENT_WINDOW_DAYS,
    /** `in-process`: every instance schedules the jobs (leases keep them single); `cron`: /api/cron/* only. */
    jobs,
    inProcessJobs: jobs === "in-process",
    database: raw.DATABASE_URL
      ? ({ kind: "postgres", url: raw.DATABASE_URL } as const)
      : ({ kind: "pglite", dir: `${dataDir}/pglite` } as const),
    /**
     * Off: the app only checks the schema is at head and refuses to start if not (`npm run db:migrate`
     * applies it as the owner role). PGlite is embedded and single-process, so it always migrates itself.
     */
    migrateOnStart: raw.GIFT_DESK_MIGRATE_ON_START === "1",
    auth: {
      secret: raw.AUTH_SECRET ?? readOrCreateDevSecret(dataDir, "auth-secret"),
      url: authUrl,
      sandbox: idpSandbox,
      issuer: raw.AUTH_OIDC_ISSUER ?? raw.SANDBOX_IDP_URL,
      clientId: raw.AUTH_OIDC_CLIENT_ID ?? "gift-desk-dev",
      clientSecret: raw.AUTH_OIDC_CLIENT_SECRET ?? "gift-desk-dev-secret",
      scope: raw.AUTH_OIDC_SCOPE,
      providerName: idpSandbox ? "Gift Desk dev SSO" : raw.AUTH_OIDC_NAME,
      allowedDomains: raw.AUTH_ALLOWED_DOMAINS.length > 0 ? raw.AUTH_ALLOWED_DOMAINS : ["giftdesk.test"],
      groupsClaim: raw.AUTH_GROUPS_CLAIM,
      managerGroups: raw.AUTH_MANAGER_GROUPS,
      adminGroups: raw.AUTH_ADMIN_GROUPS,
      teamGroupPrefix: raw.AUTH_TEAM_GROUP_PREFIX,
      teamGroups: Object.fromEntries(
        raw.AUTH_TEAM_GROUPS.map((entry) => [
          entry.slice(0, entry.lastIndexOf(":")),
          entry.slice(entry.lastIndexOf(":") + 1),
        ]),
      ),
      rolesClaim: raw.AUTH_ROLES_CLAIM,
      groupsSource: raw.AUTH_GROUPS_SOURCE,
      trustUnverifiedEmail: raw.AUTH_TRUST_UNVERIFIED_EMAIL === "1",
      roleSource: raw.AUTH_ROLE_SOURCE,
      bootstrapAdmins: raw.AUTH_BOOTSTRAP_ADMINS,
    },
    sendoso: {
      sandbox: sendosoSandbox,
      baseUrl: raw.SENDOSO_BASE_URL ?? (sendosoSandbox ? raw.SANDBOX_SENDOSO_URL : "https://app.sendoso.com"),
      // Until reps connect their own accounts, the app and the simulator share this token.
      sandboxToken: raw.SENDOSO_SANDBOX_TOKEN,
      viaFrom: raw.SENDOSO_VIA_FROM,
      /** Lower-cased: the reconciler adopts only list items whose `sent_via` is one of these. */
      apiSentVia: [...new Set([raw.SENDOSO_VIA_FROM.trim().toLowerCase(), ...raw.SENDOSO_API_SENT_VIA])],
      timeoutMs: raw.SENDOSO_TIMEOUT_MS,
      // The simulator registers this client (sandbox/sendoso/options.ts), so the OAuth flow works unconfigured.
      clientId: raw.SENDOSO_CLIENT_ID ?? "gift-desk-sandbox",
      // Outside production a real client id without its secret fails at the token endpoint (invalid_client).
      clientSecret: raw.SENDOSO_CLIENT_SECRET ?? (sendosoSandbox ? "gift-desk-sandbox-secret" : ""),
      redirectUri: `${authUrl.replace(/\/+$/, "")}/api/sendoso/oauth/callback`,
      rateLimitPerSecond: raw.SENDOSO_RATE_LIMIT_PER_SECOND,
      // Unset: every webhook delivery is refused with 401, except that outside production the bundled
      // simulator and the app share a sandbox secret, so `npm run dev` gets webhooks with no setup.
      webhookSecret:
        raw.SENDOSO_WEBHOOK_SECRET ?? (sendosoSandbox && !production ? SANDBOX_WEBHOOK_SECRET : undefined),
    },
    /** OpenTelemetry is off unless this is set (lib/telemetry/register.ts). */
    otlpEndpoint: raw.OTEL_EXPORTER_OTLP_ENDPOINT,
    /** Outbound HTTP(S) proxy (lib/net/egress.ts); the lowercase spellings count too, as in curl. */
    egress: {
      httpsProxy: raw.HTTPS_PROXY ?? raw.https_proxy,
      httpProxy: raw.HTTP_PROXY ?? raw.http_proxy,
      noProxy: raw.NO_PROXY ?? raw.no_proxy,
    },
    /** In-app notifications always; email only when SMTP is configured. */
    email: { smtpUrl: raw.SMTP_URL, from: raw.SMTP_FROM },
    currency: raw.ORG_CURRENCY,
    /** Budget periods and the dashboard's default range are calendar days in this zone. */
    timeZone: raw.ORG_TIME_ZONE,
    /** A gift waiting on the recipient this long is flagged to its rep and on the dashboard. */
    waitingOnRecipientDays: raw.WAITING_ON_RECIPIENT_DAYS,
    /** AES-256-GCM key for Sendoso tokens at rest (base64, 32 bytes). */
    tokenEncryptionKey: raw.TOKEN_ENCRYPTION_KEY ?? readOrCreateDevSecret(dataDir, "token-encryption-key"),
    /** Keys rotated out: still accepted for decryption until every token has been re-encrypted. */
    previousTokenEncryptionKeys: raw.TOKEN_ENCRYPTION_PREVIOUS_KEYS,
  };
}

export type AppConfig = ReturnType<typeof buildConfig>;

const globalForConfig = globalThis as unknown as { giftDeskConfig?: AppConfig };

/** Validated configuration, built once per process. */
export function getConfig(): AppConfig {
  globalForConfig.giftDeskConfig ??= buildConfig(readRawEnv(process.env));
  return globalForConfig.giftDeskConfig;
}

/** Builds a config from an explicit set of variables (tests, scripts), ignoring the process environment. */
export function configFrom(values: Record<string, string | undefined>): AppConfig {
  return buildConfig(readRawEnv(values));
}
