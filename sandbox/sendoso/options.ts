import type { ClockOptions } from "./clock";
import { TOUCH_FIXTURES, type TouchFixture } from "./fixtures/touches";
import { DEFAULT_USER_ID, DEMO_USERS, type SendosoUser, TEAM_GROUPS, type TeamGroup } from "./fixtures/users";
import { SANDBOX_WEBHOOK_SECRET } from "./webhook-signing";

export const DEFAULT_STATIC_TOKEN = "sandbox-token";
export const DEFAULT_CLIENT_ID = "gift-desk-sandbox";
export const DEFAULT_CLIENT_SECRET = "gift-desk-sandbox-secret";
export const DEFAULT_REDIRECT_URI = "http://localhost:3000/api/sendoso/oauth/callback";
export const DEFAULT_SCOPE = "public write update";

export interface OAuthClientConfig {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** Shown on the approve page. */
  name?: string;
}

export interface RateLimitOptions {
  /** Requests allowed per window per OAuth client (default 10). */
  limit?: number;
  /** Window length in real milliseconds (default 1000). */
  windowMs?: number;
  /** Extra block after an overflow, in real milliseconds (default 0: only the sliding window). */
  blockMs?: number;
  /** When set, 429 responses carry `Retry-After: <n>` (Sendoso documents no headers, so off by default). */
  retryAfterSeconds?: number;
}

export interface WebhookEndpoint {
  url: string;
  /** Svix signing secret (`whsec_` + base64). */
  secret: string;
}

/** Sendoso's retries (contract §5.4): immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export const DOCUMENTED_RETRY_SCHEDULE_SECONDS = [0, 5, 300, 1800, 7200, 18_000, 36_000, 36_000];

export interface WebhookOptions {
  /** Where every status change is POSTed; a missing secret means the sandbox one. Default: none. */
  endpoints?: { url: string; secret?: string }[];
  /** Delay before each attempt, in simulator-clock seconds; the first is the initial attempt. */
  retryScheduleSeconds?: number[];
  /** Per-attempt timeout in real milliseconds. Default 15000. */
  timeoutMs?: number;
  /** Add `type: "send.<event>"` to the body (Sendoso's documented payload has no event name). Default false. */
  includeEventType?: boolean;
}

export interface ResolvedWebhookOptions {
  endpoints: WebhookEndpoint[];
  retryScheduleSeconds: number[];
  timeoutMs: number;
  includeEventType: boolean;
}

export interface SendosoSimulatorOptions {
  /** Bearer tokens that never expire and belong to `staticTokenUserId`. Default ["sandbox-token"]. */
  staticTokens?: string[];
  staticTokenUserId?: number;
  /** Registered OAuth clients. Default: one `gift-desk-sandbox` client. */
  clients?: OAuthClientConfig[];
  /** Redirect URIs of the default client (else env SENDOSO_SIM_REDIRECT_URIS, else localhost:3000). */
  redirectUris?: string[];
  accessTokenTtlSeconds?: number;
  /** 401 body shape: `{success,message}` (default) or `{success,description,expired}`. */
  expiredBody?: "message" | "description";
  /** Reject POST /send and generate_egift_links with 403 when the token lacks `write`. Default false. */
  requireWriteScope?: boolean;
  /** `false` disables throttling. Enabled by default: >10 requests/second per client → 429. */
  rateLimit?: false | RateLimitOptions;
  clock?: ClockOptions;
  touches?: readonly TouchFixture[];
  users?: readonly SendosoUser[];
  groups?: readonly TeamGroup[];
  /** Default `per_page` of paginated lists (Sendoso's default is undocumented). Default 25. */
  defaultPerPage?: number;
  /** Non-US known-address send without mobile_no: 400 (default), accept, or accept then status "Failed". */
  nonUsWithoutMobile?: "reject" | "accept" | "fail_later";
  /** eGift `via` on a mail touch or the reverse: 404 "Touch not found" (default), 400, or accept. */
  deliveryTypeMismatch?: "not_found" | "bad_request" | "accept";
  /** Malformed recipient email: 400 "email is invalid" (default) or accept. */
  invalidEmail?: "reject" | "accept";
  /** Add `tracking_code` to GET /send items (the real API does not). Default false. */
  includeTrackingCodeInList?: boolean;
  /**
   * `sent_via` of API sends in GET /send (undocumented upstream): `"via_from"` (default) echoes the
   * request's via_from; any other string (e.g. "API") is shown as is. Switchable: POST /__sandbox/list-shape.
   */
  apiSentVia?: string;
  /** Swap the first and last items of this GET /send page (a list out of order). Default none. */
  listOutOfOrderPage?: number | null;
  /** Serve the legacy `GET /api/v3/gifts/status/:tracking_code`. Default false. */
  legacyStatusEndpoint?: boolean;
  /** Like Sendoso's sandbox: physical sends never move past "Processing". Default false. */
  stopAtProcessing?: boolean;
  /** eGifts move Sent → Opened → Clicked → Redeemed on the clock. Default true; else only via control. */
  egiftAutoProgress?: boolean;
  /** Simulated seconds between automatic status steps. Default 86400 (one day). */
  statusStepSeconds?: number;
  /** Svix-style webhooks on every status change (webhooks.ts). */
  webhooks?: WebhookOptions;
}

export interface ResolvedOptions {
  staticTokens: string[];
  staticTokenUserId: number;
  clients: OAuthClientConfig[];
  accessTokenTtlSeconds: number;
  expiredBody: "message" | "description";
  requireWriteScope: boolean;
  rateLimit: (Required<Omit<RateLimitOptions, "retryAfterSeconds">> & { retryAfterSeconds?: number }) | false;
  clock: ClockOptions;
  touches: readonly TouchFixture[];
  users: readonly SendosoUser[];
  groups: readonly TeamGroup[];
  defaultPerPage: number;
  nonUsWithoutMobile: "reject" | "accept" | "fail_later";
  deliveryTypeMismatch: "not_found" | "bad_request" | "accept";
  invalidEmail: "reject" | "accept";
  includeTrackingCodeInList: boolean;
  apiSentVia: string;
  listOutOfOrderPage: number | null;
  legacyStatusEndpoint: boolean;
  stopAtProcessing: boolean;
  egiftAutoProgress: boolean;
  statusStepSeconds: number;
  webhooks: ResolvedWebhookOptions;
}

export function splitList(value: string | undefined): string[] | undefined {
  const items = (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
  return items.length > 0 ? items : undefined;
}

export function resolveOptions(options: SendosoSimulatorOptions = {}): ResolvedOptions {
  const redirectUris = options.redirectUris ??
    splitList(process.env.SENDOSO_SIM_REDIRECT_URIS) ?? [DEFAULT_REDIRECT_URI];
  const rateLimit = options.rateLimit === false ? false : (options.rateLimit ?? {});
  return {
    staticTokens: options.staticTokens ?? [DEFAULT_STATIC_TOKEN],
    staticTokenUserId: options.staticTokenUserId ?? DEFAULT_USER_ID,
    clients: options.clients ?? [
      { clientId: DEFAULT_CLIENT_ID, clientSecret: DEFAULT_CLIENT_SECRET, redirectUris, name: "Gift Desk" },
    ],
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 7200,
    expiredBody: options.expiredBody ?? "message",
    requireWriteScope: options.requireWriteScope ?? false,
    rateLimit:
      rateLimit === false
        ? false
        : {
            limit: rateLimit.limit ?? 10,
            windowMs: rateLimit.windowMs ?? 1000,
            blockMs: rateLimit.blockMs ?? 0,
            retryAfterSeconds: rateLimit.retryAfterSeconds,
          },
    clock: options.clock ?? {},
    touches: options.touches ?? TOUCH_FIXTURES,
    users: options.users ?? DEMO_USERS,
    groups: options.groups ?? TEAM_GROUPS,
    defaultPerPage: options.defaultPerPage ?? 25,
    nonUsWithoutMobile: options.nonUsWithoutMobile ?? "reject",
    deliveryTypeMismatch: options.deliveryTypeMismatch ?? "not_found",
    invalidEmail: options.invalidEmail ?? "reject",
    includeTrackingCodeInList: options.includeTrackingCodeInList ?? false,
    apiSentVia: options.apiSentVia ?? "via_from",
    listOutOfOrderPage: options.listOutOfOrderPage ?? null,
    legacyStatusEndpoint: options.legacyStatusEndpoint ?? false,
    stopAtProcessing: options.stopAtProcessing ?? false,
    egiftAutoProgress: options.egiftAutoProgress ?? true,
    statusStepSeconds: options.statusStepSeconds ?? 86_400,
    webhooks: resolveWebhookOptions(options.webhooks ?? {}),
  };
}

function resolveWebhookOptions(options: WebhookOptions): ResolvedWebhookOptions {
  return {
    endpoints: (options.endpoints ?? []).map((e) => ({
      url: e.url,
      secret: e.secret ?? SANDBOX_WEBHOOK_SECRET,
    })),
    retryScheduleSeconds: options.retryScheduleSeconds ?? DOCUMENTED_RETRY_SCHEDULE_SECONDS,
    timeoutMs: options.timeoutMs ?? 15_000,
    includeEventType: options.includeEventType ?? false,
  };
}
