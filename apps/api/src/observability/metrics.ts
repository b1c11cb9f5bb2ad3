// Prometheus metrics of one process (API or worker), with OpenTelemetry's semantic names where one
// exists (`http.server.request.duration` → `http_server_request_duration_seconds`). Each process
// owns its registry rather than prom-client's global one, so tests can run several side by side.
// The queue figures are read from PostgreSQL at scrape time: every replica reports the same truth,
// and no replica keeps a count that drifts from it.
import type { Db } from "@opus/db/client";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { provisioningQueueStats } from "../lib/queue-stats.ts";

export type Metrics = ReturnType<typeof createMetrics>;

export function createMetrics(db: Db, process: "api" | "worker") {
  const registry = new Registry();
  registry.setDefaultLabels({ service: `opus-${process}` });
  collectDefaultMetrics({ register: registry });

  const httpDuration = new Histogram({
    name: "http_server_request_duration_seconds",
    help: "Duration of HTTP server requests, by route (a tRPC procedure, a machine API route).",
    labelNames: ["http_request_method", "http_route", "http_response_status_code"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const operations = new Counter({
    name: "opus_provisioning_operations_total",
    help: "Provisioning operations this process finished, by kind and result.",
    labelNames: ["kind", "result"] as const,
    registers: [registry],
  });
  const usageEvents = new Counter({
    name: "opus_usage_events_total",
    help: "Usage events received on the machine API, by outcome (accepted, duplicate, rejected).",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: "opus_rate_limit_hits_total",
    help: "Requests refused with 429, by limiter.",
    labelNames: ["limiter"] as const,
    registers: [registry],
  });

  const queueDepth = new Gauge({
    name: "opus_provisioning_queue_depth",
    help: "Operations waiting for a worker (QUEUED), fleet-wide.",
    registers: [registry],
  });
  const queueOldest = new Gauge({
    name: "opus_provisioning_queue_oldest_age_seconds",
    help: "Age of the oldest operation waiting for a worker, 0 when none waits.",
    registers: [registry],
  });
  const running = new Gauge({
    name: "opus_provisioning_operations_running",
    help: "Operations a worker is running, fleet-wide.",
    registers: [registry],
  });

  /** One statement per scrape, not per gauge. */
  async function readQueue() {
    const stats = await provisioningQueueStats(db, new Date());
    queueDepth.set(stats.queued);
    running.set(stats.running);
    queueOldest.set(stats.oldestQueuedSeconds);
  }

  return {
    registry,
    httpDuration,
    operations,
    usageEvents,
    rateLimited,
    /** The exposition text; a database that cannot be reached leaves the queue gauges at their last value. */
    async render(): Promise<{ contentType: string; body: string; queueReadable: boolean }> {
      const queueReadable = await readQueue().then(
        () => true,
        () => false,
      );
      return { contentType: registry.contentType, body: await registry.metrics(), queueReadable };
    },
  };
}
