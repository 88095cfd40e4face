import { metrics, trace } from "@opentelemetry/api";
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from "@opentelemetry/sdk-metrics";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/client";
import { withJobLease } from "@/lib/jobs/lease";
import { countSend } from "@/lib/telemetry/metrics";
import { sandboxClient } from "../support/send-deps";
import { startSimulator, type TestSimulator } from "../support/simulator";

/**
 * The spans and counters reach a registered OpenTelemetry SDK (here in-memory exporters; in production
 * the OTLP ones lib/telemetry/register.ts installs), from the real Sendoso client against the simulator.
 */
const spans = new InMemorySpanExporter();
const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
const reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 60_000 });

async function points(name: string) {
  const collected = await reader.collect();
  const metric = collected.resourceMetrics.scopeMetrics
    .flatMap((s) => s.metrics)
    .find((m) => m.descriptor.name === name);
  return (metric?.dataPoints ?? []) as { attributes: Record<string, unknown>; value: unknown }[];
}

describe("telemetry", () => {
  let sim: TestSimulator;
  beforeAll(async () => {
    trace.setGlobalTracerProvider(
      new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] }),
    );
    metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));
    sim = await startSimulator();
  });
  afterAll(() => sim?.close());

  it("traces each Sendoso call and records its latency by status class", async () => {
    await sandboxClient(sim).me();
    await sim.injectFaultOn({ method: "GET", path: "/api/v3/me" }, { type: "error_before", status: 503 });
    await sandboxClient(sim)
      .me()
      .catch(() => null);
    const names = spans.getFinishedSpans().map((s) => s.name);
    expect(names).toContain("sendoso GET /api/v3/me");
    const failed = spans.getFinishedSpans().find((s) => s.attributes["http.response.status_code"] === 503);
    expect(failed?.attributes.status_class).toBe("5xx");
    const latency = await points("gift_desk.sendoso.duration");
    const classes = latency.map((p) => p.attributes.status_class);
    expect(classes).toContain("2xx");
    expect(classes).toContain("5xx");
  });

  it("counts sends by outcome and job runs by result", async () => {
    countSend("sent");
    countSend("sent");
    countSend("unknown");
    const sends = await points("gift_desk.sends");
    expect(sends.find((p) => p.attributes.outcome === "sent")?.value).toBe(2);
    expect(sends.find((p) => p.attributes.outcome === "unknown")?.value).toBe(1);

    const handle = await openDatabase({ kind: "pglite" });
    try {
      await withJobLease(handle.db, "telemetry-job", { ttlMs: 60_000 }, async () => ({ ok: true }));
      await expect(
        withJobLease(handle.db, "telemetry-job", { ttlMs: 60_000 }, async () => {
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
    } finally {
      await handle.close();
    }
    const runs = await points("gift_desk.job.runs");
    const of = (result: string) =>
      runs.find((p) => p.attributes.job === "telemetry-job" && p.attributes.result === result)?.value;
    expect(of("ran")).toBe(1);
    expect(of("failed")).toBe(1);
  });
});
