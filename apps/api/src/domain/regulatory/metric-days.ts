// Turns a report's endpoints into one row per (endpoint, São Paulo day): the current day with its
// availability figures, each previous day (newest first, as the admin API lists them) without.
import { addDays } from "@opus/rules/regulatory-verdicts";
import { billingDayOf } from "../usage/sao-paulo-time.ts";
import type { AdminMetric } from "./admin-metrics-schema.ts";

export type MetricDayRow = {
  endpoint: string;
  day: string;
  reportedAt: Date;
  invocations: number;
  averageResponseMs: number;
  averageTps: number;
  peakTps: number;
  errors: number;
  rejections: number;
  p95ResponseMs: number | null;
  uptimeRate: string | null;
  generalUptimeRate: string | null;
  generalDowntimeSeconds: number | null;
  scheduledOutageSeconds: number | null;
  partialDowntimeSeconds: number | null;
};

export function metricDayRows(metric: AdminMetric): MetricDayRow[] {
  const reportedAt = new Date(metric.requestTime);
  const today = billingDayOf(reportedAt);
  const { uptime, downtime } = metric.availability;
  const rows: MetricDayRow[] = [
    {
      endpoint: metric.endpoint,
      day: today,
      reportedAt,
      invocations: metric.invocations.currentDay,
      averageResponseMs: metric.averageResponse.currentDay,
      averageTps: metric.averageTps.currentDay,
      peakTps: metric.peakTps.currentDay,
      errors: metric.errors.currentDay,
      rejections: metric.rejections.currentDay,
      p95ResponseMs: metric.p95Response?.currentDay ?? null,
      uptimeRate: uptime.uptimeRate,
      generalUptimeRate: uptime.generalUptimeRate,
      generalDowntimeSeconds: downtime.generalDowntime,
      scheduledOutageSeconds: downtime.scheduledOutage,
      partialDowntimeSeconds: downtime.partialDowntime,
    },
  ];
  metric.invocations.previousDays.forEach((invocations, i) => {
    rows.push({
      endpoint: metric.endpoint,
      day: addDays(today, -(i + 1)),
      reportedAt,
      invocations,
      averageResponseMs: metric.averageResponse.previousDays[i] ?? 0,
      averageTps: metric.averageTps.previousDays[i] ?? 0,
      peakTps: metric.peakTps.previousDays[i] ?? 0,
      errors: metric.errors.previousDays[i] ?? 0,
      rejections: metric.rejections.previousDays[i] ?? 0,
      p95ResponseMs: metric.p95Response?.previousDays[i] ?? null,
      uptimeRate: null,
      generalUptimeRate: null,
      generalDowntimeSeconds: null,
      scheduledOutageSeconds: null,
      partialDowntimeSeconds: null,
    });
  });
  return rows;
}
