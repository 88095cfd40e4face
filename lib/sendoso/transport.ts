import { observeSendosoCall } from "@/lib/telemetry/metrics";

/**
 * One HTTP exchange with Sendoso, classified by what we can prove about it. The distinction that matters
 * for money: did the request provably never leave (safe to retry), or might Sendoso have acted on it?
 */
export type Exchange =
  | { kind: "response"; status: number; headers: Headers; text: string }
  | { kind: "not_sent"; detail: string }
  | { kind: "lost"; detail: string };

/** Connection-level failures that happen before any byte of the request is written. */
const NEVER_LEFT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "UND_ERR_CONNECT_TIMEOUT",
  "EHOSTUNREACH",
]);

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
};

/** One exchange, observed as a span and a latency sample (lib/telemetry; no-op without OTLP). */
export function exchange(request: ExchangeRequest): Promise<Exchange> {
  return observeSendosoCall(request.method, new URL(request.url).pathname, () => exchangeOnce(request));
}

async function exchangeOnce(request: ExchangeRequest): Promise<Exchange> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(request.timeoutMs),
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
