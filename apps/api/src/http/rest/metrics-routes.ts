import { zMetricsReport, zMetricsResult } from "../../domain/regulatory/admin-metrics-schema.ts";
import { ingestMetricsReport } from "../../domain/regulatory/ingest-metrics-report.ts";
import { defineRoute } from "./rest-route.ts";

export const postMetrics = defineRoute({
  method: "POST",
  path: "/api/v1/metrics",
  operationId: "postMetrics",
  summary: "Report the installation's admin metrics (Open Finance admin API 2.0.1)",
  description:
    "The body is what the installation's `GET /admin/v2/metrics?period=ALL` answers (ResponseMetricsList of the admin API 2.0.1), " +
    "with the environment and an optional p95 per endpoint. Kept per environment, São Paulo day and endpoint: a resent day " +
    "replaces the figures held and is recorded as a revision; an identical or older report changes nothing. " +
    "The report is accepted whole or refused whole, with the field at fault.",
  body: zMetricsReport,
  response: zMetricsResult,
  errors: [403, 409, 413],
  handle: async ({ services, scope, body }) =>
    ingestMetricsReport(
      {
        db: services.db,
        sql: services.sql,
        clock: services.clock,
        mailer: services.mailer,
        log: services.log,
        publicUrl: services.publicUrl,
      },
      scope,
      body,
    ),
});
