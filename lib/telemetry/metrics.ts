import { type Attributes, metrics, SpanStatusCode, trace } from "@opentelemetry/api";

/**
 * Gift Desk's spans and counters, through the OpenTelemetry API only: without a registered SDK (no
 * OTEL_EXPORTER_OTLP_ENDPOINT, lib/telemetry/register.ts) every call here is a no-op. Instruments are
 * made on first use, after start-up registered the SDK (the metrics API has no proxy meter).
 */
const SCOPE = "gift-desk";

type Instruments = ReturnType<typeof makeInstruments>;
let made: { provider: unknown; instruments: Instruments } | undefined;

function makeInstruments() {
  const meter = metrics.getMeter(SCOPE);
  return {
    sends: meter.createCounter("gift_desk.sends", { description: "Send attempts by outcome" }),
    sendosoLatency: meter.createHistogram("gift_desk.sendoso.duration", {
      description: "Sendoso call duration by status class",
      unit: "ms",
    }),
    limiterWait: meter.createHistogram("gift_desk.limiter.wait", {
      description: "Time a Sendoso call waited for the shared rate limiter",
      unit: "ms",
    }),
    webhookRefusals: meter.createCounter("gift_desk.webhook.refusals", {
      description: "Refused webhooks by reason",
    }),
    jobRuns: meter.createCounter("gift_desk.job.runs", { description: "Job runs by job and result" }),
    budgetRefusals: meter.createCounter("gift_desk.budget.refusals", {
      description: "Sends refused over budget",
    }),
  };
}

function instruments(): Instruments {
  const provider = metrics.getMeterProvider();
  if (made?.provider !== provider) made = { provider, instruments: makeInstruments() };
  return made.instruments;
}

export const countSend = (outcome: string) => instruments().sends.add(1, { outcome });
export const countWebhookRefusal = (reason: string) => instruments().webhookRefusals.add(1, { reason });
export const countJobRun = (job: string, result: "ran" | "skipped" | "failed") =>
  instruments().jobRuns.add(1, { job, result });
export const countBudgetRefusal = () => instruments().budgetRefusals.add(1);
export const recordLimiterWait = (ms: number) => instruments().limiterWait.record(ms);

/** "2xx", "4xx", "5xx", or how the call failed without an answer ("not_sent", "lost"). */
export function statusClass(outcome: { kind: string; status?: number }): string {
  return outcome.kind === "response" && outcome.status
    ? `${Math.floor(outcome.status / 100)}xx`
    : outcome.kind;
}

/** A Sendoso call as a span ("sendoso POST /api/v3/send") plus its duration by status class. */
export async function observeSendosoCall<T extends { kind: string; status?: number }>(
  method: string,
  path: string,
  call: () => Promise<T>,
): Promise<T> {
  const started = performance.now();
  return trace.getTracer(SCOPE).startActiveSpan(`sendoso ${method} ${path}`, async (span) => {
    try {
      const outcome = await call();
      const attributes: Attributes = {
        "http.request.method": method,
        "url.path": path,
        status_class: statusClass(outcome),
      };
      if (outcome.status) attributes["http.response.status_code"] = outcome.status;
      span.setAttributes(attributes);
      if (outcome.kind !== "response" || (outcome.status ?? 0) >= 500)
        span.setStatus({ code: SpanStatusCode.ERROR });
      instruments().sendosoLatency.record(performance.now() - started, {
        status_class: statusClass(outcome),
      });
      return outcome;
    } finally {
      span.end();
    }
  });
}

/** Any other unit of work as a span (the send path: "send.submit"). */
export function withSpan<T>(name: string, work: () => Promise<T>): Promise<T> {
  return trace.getTracer(SCOPE).startActiveSpan(name, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : "error" });
      throw error;
    } finally {
      span.end();
    }
  });
}
