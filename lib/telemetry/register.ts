import { metrics } from "@opentelemetry/api";
import { OTLPMetricExporter } from "@opentelemetry/exporter-metrics-otlp-http";
import { PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics";
import { registerOTel } from "@vercel/otel";
import { count, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { emailOutbox } from "@/lib/db/schema";

/**
 * OpenTelemetry, only when OTEL_EXPORTER_OTLP_ENDPOINT is set (lib/startup.ts): traces (Next's own
 * request spans plus lib/telemetry/metrics.ts's) and metrics to the collector over OTLP/HTTP. The
 * exporters read the standard OTEL_* variables themselves (headers, protocol, service name).
 */
export function registerTelemetry(endpoint: string, db: () => Promise<Db>): void {
  const base = endpoint.replace(/\/+$/, "");
  registerOTel({
    serviceName: "gift-desk",
    metricReaders: [
      new PeriodicExportingMetricReader({
        exporter: new OTLPMetricExporter({ url: `${base}/v1/metrics` }),
        exportIntervalMillis: 30_000,
      }),
    ],
  });
  // Outbox depth is read when exported (every 30 s), one count query, rather than tracked per change.
  metrics
    .getMeter("gift-desk")
    .createObservableGauge("gift_desk.email_outbox.depth", { description: "Emails waiting to be sent" })
    .addCallback(async (result) => {
      const [row] = await (await db())
        .select({ n: count() })
        .from(emailOutbox)
        .where(eq(emailOutbox.status, "pending"))
        .catch(() => [undefined]);
      if (row) result.observe(row.n);
    });
}
