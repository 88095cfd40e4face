import { Clock } from "./clock";
import { FaultStore } from "./faults";
import { OAuthStore } from "./oauth-store";
import type { ResolvedOptions } from "./options";
import { RateLimiter } from "./rate-limit";
import { RequestLog } from "./request-log";
import { SendStore } from "./send-store";
import { WebhookDispatcher } from "./webhooks";

export interface SimulatorStats {
  /** POST /oauth/token calls per grant_type (failed ones included; "missing" when absent). */
  token_requests: Record<string, number>;
  /** Tokens actually issued per grant_type. */
  tokens_issued: Record<string, number>;
  revocations: number;
  authorizations: number;
  rate_limited: number;
  sends_created: number;
}

export interface SimulatorState {
  options: ResolvedOptions;
  clock: Clock;
  log: RequestLog;
  faults: FaultStore;
  rateLimiter: RateLimiter | null;
  oauth: OAuthStore;
  sends: SendStore;
  webhooks: WebhookDispatcher;
  stats: SimulatorStats;
}

export function emptyStats(): SimulatorStats {
  return {
    token_requests: {},
    tokens_issued: {},
    revocations: 0,
    authorizations: 0,
    rate_limited: 0,
    sends_created: 0,
  };
}

export function createState(options: ResolvedOptions): SimulatorState {
  const limit = options.rateLimit;
  const clock = new Clock(options.clock);
  const sends = new SendStore();
  return {
    options,
    clock,
    log: new RequestLog(),
    faults: new FaultStore(),
    rateLimiter: limit ? new RateLimiter(limit.limit, limit.windowMs, limit.blockMs) : null,
    oauth: new OAuthStore(options.clients, options.staticTokens, options.staticTokenUserId),
    sends,
    webhooks: new WebhookDispatcher(options.webhooks, clock, sends),
    stats: emptyStats(),
  };
}

/**
 * Clears sends, webhook messages, the request log, faults, stats and throttling. Tokens, clients, the
 * clock and the webhook endpoints stay.
 */
export function resetState(state: SimulatorState): void {
  state.log.clear();
  state.faults.clear();
  state.rateLimiter?.reset();
  state.sends.clear();
  state.webhooks.clear();
  state.stats = emptyStats();
}

export function increment(counter: Record<string, number>, key: string): void {
  counter[key] = (counter[key] ?? 0) + 1;
}
