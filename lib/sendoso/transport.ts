import { egressProxyInstalled } from "@/lib/net/egress";
import { observeSendosoCall } from "@/lib/telemetry/metrics";
import { NEVER_LEFT_CODES, postExchange } from "./post-transport";

/**
 * One HTTP exchange with Sendoso, classified by what we can prove about it. The distinction that matters
 * for money: did the request provably never leave (safe to retry), or might Sendoso have acted on it?
 */
export type Exchange =
  | { kind: "response"; status: number; headers: Headers; text: string }
  | { kind: "not_sent"; detail: string }
  | { kind: "lost"; detail: string };

function errorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error as { code?: string }).code;
}

export type ExchangeRequest = {
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** The send's one deadline (token, limiter wait, POST, any re-POST); the timeout applies as well. */
  signal?: AbortSignal;
};

/** One exchange, observed as a span and a latency sample (lib/telemetry; no-op without OTLP). */
export function exchange(request: ExchangeRequest): Promise<Exchange> {
  return observeSendosoCall(request.method, new URL(request.url).pathname, () => exchangeOnce(request));
}

/** The signal one exchange runs under: its own timeout, and the caller's deadline when given. */
const signalFor = (request: ExchangeRequest) =>
  request.signal
    ? AbortSignal.any([request.signal, AbortSignal.timeout(request.timeoutMs)])
    : AbortSignal.timeout(request.timeoutMs);

/**
 * POSTs (money) go over post-transport's short-lived connections; reads over fetch. Behind an egress
 * proxy every call goes through fetch (the proxy's dispatcher): node:http would bypass the proxy, and
 * the connection that can go stale is then the proxy's, not Sendoso's load balancer's.
 */
async function exchangeOnce(request: ExchangeRequest): Promise<Exchange> {
  if (request.method === "POST" && !egressProxyInstalled()) {
    return postExchange({ ...request, signal: signalFor(request) });
  }
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: signalFor(request),
      redirect: "manual",
      cache: "no-store",
    });
  } catch (error) {
    const code = errorCode(error);
    if (code && NEVER_LEFT_CODES.has(code)) return { kind: "not_sent", detail: code };
    const name = (error as Error).name;
    return { kind: "lost", detail: name === "TimeoutError" ? "timeout" : (code ?? name ?? "network error") };
  }
  try {
    const text = await response.text();
    return { kind: "response", status: response.status, headers: response.headers, text };
  } catch (error) {
    // Headers arrived but the body did not: Sendoso has seen the request.
    const name = (error as Error).name;
    return { kind: "lost", detail: name === "TimeoutError" ? "timeout" : "connection lost while reading" };
  }
}
