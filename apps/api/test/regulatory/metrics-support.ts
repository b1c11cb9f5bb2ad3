// Admin-metrics reports for tests: one endpoint in the admin API 2.0.1 shape, sent over real HTTP.
import type { Services } from "../../src/services.ts";

export type Overrides = {
  requestTime?: string;
  uptimeRate?: string;
  partialDowntime?: number;
  scheduledOutage?: number;
  invocations?: number;
  previousDays?: number;
  p95?: number | null;
};

export function adminMetric(endpoint: string, o: Overrides = {}) {
  const n = o.previousDays ?? 2;
  const days = (current: number) => ({ currentDay: current, previousDays: Array.from({ length: n }, (_, i) => current + i + 1) });
  return {
    endpoint,
    requestTime: o.requestTime ?? "2026-12-10T20:00:00Z",
    availability: {
      uptime: { generalUptimeRate: "0.999000", uptimeRate: o.uptimeRate ?? "0.998000" },
      downtime: { generalDowntime: 60, scheduledOutage: o.scheduledOutage ?? 0, partialDowntime: o.partialDowntime ?? 120 },
    },
    invocations: days(o.invocations ?? 1000),
    averageResponse: days(250),
    averageTps: days(3),
    peakTps: days(40),
    errors: days(5),
    rejections: days(1),
    ...(o.p95 !== undefined ? { p95Response: { currentDay: o.p95, previousDays: Array.from({ length: n }, () => null) } } : {}),
  };
}

export function postMetrics(base: string, key: string | null, body: unknown) {
  return fetch(`${base}/api/v1/metrics`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });
}

export async function metricCounts(services: Services, environmentId: string) {
  const [days, revisions] = await Promise.all([
    services.db.endpointMetricDay.count({ where: { environmentId } }),
    services.db.endpointMetricRevision.count({ where: { metricDay: { environmentId } } }),
  ]);
  return { days, revisions };
}
