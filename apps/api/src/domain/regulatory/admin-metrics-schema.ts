// The body of POST /api/v1/metrics: an installation's answer to Open Finance's admin metrics API
// (`GET /admin/v2/metrics`, version 2.0.1 — `ResponseMetricsList` of swagger-apis/admin/2.0.1.yml in
// OpenBanking-Brasil/openapi), sent as it is, plus the environment and an optional p95 per endpoint.
// Field names, required fields, the rate pattern and the 7-day limit are the definition's; the
// extra checks (non-negative, equal day counts, seconds within a day) are ours and say so.
import { z } from "zod";

const MAX_INT32 = 2_147_483_647;
export const MAX_ENDPOINTS_PER_REPORT = 500;
export const MAX_PREVIOUS_DAYS = 7;

const count = z.int().min(0).max(MAX_INT32);
const seconds = z.int().min(0).max(86_400).meta({ description: "Seconds within the day (0–86,400)." });
/** `^\d{1}\.\d{6}$` as the definition has it, and at most 1.000000 (a rate). */
const rate = z
  .string()
  .regex(/^\d\.\d{6}$/, 'a rate with six decimals, e.g. "0.999000"')
  .refine((v) => Number(v) <= 1, "a rate cannot exceed 1.000000");

function daily(description: string) {
  return z.strictObject({
    currentDay: count.meta({ description: `${description}, current day.` }),
    previousDays: z
      .array(count)
      .max(MAX_PREVIOUS_DAYS)
      .meta({ description: `${description}, previous days: the first item is yesterday, at most ${MAX_PREVIOUS_DAYS}.` }),
  });
}

export const zAdminMetric = z
  .strictObject({
    endpoint: z.string().min(1).max(2000).meta({ description: "URL or URI of the endpoint." }),
    requestTime: z.iso
      .datetime({ offset: true })
      .max(35)
      .meta({ description: "When the metrics were requested (the day they belong to, read in America/Sao_Paulo)." }),
    availability: z.strictObject({
      uptime: z.strictObject({ generalUptimeRate: rate, uptimeRate: rate }),
      downtime: z.strictObject({ generalDowntime: seconds, scheduledOutage: seconds, partialDowntime: seconds }),
    }),
    invocations: daily("Calls"),
    averageResponse: daily("Average response time in ms"),
    averageTps: daily("Average calls per second"),
    peakTps: daily("Peak calls per second"),
    errors: daily("Calls that failed"),
    rejections: daily("Calls rejected"),
    p95Response: z
      .strictObject({
        currentDay: count.nullable(),
        previousDays: z.array(count.nullable()).max(MAX_PREVIOUS_DAYS),
      })
      .optional()
      .meta({
        description:
          "Not part of the admin API: the 95th percentile of response time in ms, measured by the installation. " +
          "Without it, latency is not judged (the admin API carries averages, not percentiles).",
      }),
  })
  .superRefine((metric, ctx) => {
    const lengths = (["invocations", "averageResponse", "averageTps", "peakTps", "errors", "rejections"] as const).map(
      (k) => [k, metric[k].previousDays.length] as const,
    );
    const [first] = lengths;
    for (const [key, length] of lengths) {
      if (first && length !== first[1]) {
        ctx.addIssue({
          code: "custom",
          path: [key, "previousDays"],
          message: `has ${length} days but invocations.previousDays has ${first[1]}: every metric must cover the same days`,
        });
      }
    }
    if (metric.p95Response && first && metric.p95Response.previousDays.length > first[1]) {
      ctx.addIssue({
        code: "custom",
        path: ["p95Response", "previousDays"],
        message: `has more days than invocations.previousDays (${first[1]})`,
      });
    }
  })
  .meta({ id: "AdminMetric" });

export type AdminMetric = z.infer<typeof zAdminMetric>;

export const zMetricsReport = z
  .strictObject({
    environment: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .meta({ description: "The environment's id or kind (`production`…); optional with a key scoped to one environment." }),
    data: z.array(zAdminMetric).min(1).max(MAX_ENDPOINTS_PER_REPORT),
    links: z.record(z.string(), z.string().max(2000)).optional().meta({ description: "As the admin API returns it; ignored." }),
    meta: z
      .strictObject({ totalRecords: z.int(), totalPages: z.int() })
      .optional()
      .meta({ description: "As the admin API returns it; ignored." }),
  })
  .superRefine((report, ctx) => {
    const seen = new Map<string, number>();
    report.data.forEach((metric, index) => {
      const previous = seen.get(metric.endpoint);
      if (previous !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["data", index, "endpoint"],
          message: `repeats data.${previous}.endpoint: each endpoint once per report`,
        });
      }
      seen.set(metric.endpoint, index);
    });
  })
  .meta({ id: "MetricsReport" });

export type MetricsReport = z.infer<typeof zMetricsReport>;

export const zMetricsResult = z
  .object({
    environmentId: z.string(),
    days: z.array(
      z.object({
        endpoint: z.string(),
        day: z.string().meta({ description: "São Paulo day, YYYY-MM-DD." }),
        status: z.enum(["created", "revised", "unchanged"]).meta({
          description:
            "created: first figures; revised: replaced earlier figures (a new revision); unchanged: same figures, or older than those held.",
        }),
        revision: z.int(),
      }),
    ),
  })
  .meta({ id: "MetricsResult" });
