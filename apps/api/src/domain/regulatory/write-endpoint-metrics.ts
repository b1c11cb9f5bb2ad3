// Writes a report's endpoint-days in one statement: an upsert per (environment, day, endpoint) and a
// revision row for every endpoint-day whose figures changed. Figures a report does not carry (the
// availability of a previous day, a p95) keep what an earlier report said. An identical resend, or a
// report older than the figures held, changes nothing; so 30 copies of a report sent at once leave
// one set of figures and one revision. Rows are written in sorted order (no lock-order deadlocks).
import type { SqlPool } from "@opus/db/sql-pool";
import type { MetricDayRow } from "./metric-days.ts";

const FIGURES = [
  ["invocations", "int"],
  ["averageResponseMs", "int"],
  ["averageTps", "int"],
  ["peakTps", "int"],
  ["errors", "int"],
  ["rejections", "int"],
  ["p95ResponseMs", "int"],
  ["uptimeRate", "numeric"],
  ["generalUptimeRate", "numeric"],
  ["generalDowntimeSeconds", "int"],
  ["scheduledOutageSeconds", "int"],
  ["partialDowntimeSeconds", "int"],
] as const;

/** Figures the admin API carries only sometimes: absent means "not reported here", never "zero". */
const KEPT_WHEN_ABSENT = new Set([
  "p95ResponseMs",
  "uptimeRate",
  "generalUptimeRate",
  "generalDowntimeSeconds",
  "scheduledOutageSeconds",
  "partialDowntimeSeconds",
]);

const q = (column: string) => `"${column}"`;
const merged = (column: string) =>
  KEPT_WHEN_ABSENT.has(column) ? `COALESCE(EXCLUDED.${q(column)}, m.${q(column)})` : `EXCLUDED.${q(column)}`;

const columns = FIGURES.map(([c]) => q(c)).join(", ");
const unnestArgs = FIGURES.map(([, type], i) => `$${i + 6}::${type}[]`).join(", ");

const WRITE_SQL = `
WITH input AS (
  SELECT * FROM unnest($4::date[], $5::text[], ${unnestArgs}, $18::timestamptz[]) AS t(day, endpoint, ${columns}, "reportedAt")
),
before AS (
  SELECT m.day, m.endpoint, m.revision FROM endpoint_metric_day m JOIN input USING (day, endpoint) WHERE m."environmentId" = $2
),
upserted AS (
  INSERT INTO endpoint_metric_day AS m (id, "institutionId", "environmentId", day, endpoint, ${columns}, revision, "reportedAt", "receivedAt")
  SELECT gen_random_uuid()::text, $1, $2, day, endpoint, ${columns}, 1, "reportedAt", $3 FROM input ORDER BY day, endpoint
  ON CONFLICT ("environmentId", day, endpoint) DO UPDATE SET
    ${FIGURES.map(([c]) => `${q(c)} = ${merged(c)}`).join(",\n    ")},
    revision = m.revision + 1,
    "reportedAt" = EXCLUDED."reportedAt",
    "receivedAt" = EXCLUDED."receivedAt"
  WHERE EXCLUDED."reportedAt" >= m."reportedAt"
    AND (${FIGURES.map(([c]) => `m.${q(c)}`).join(", ")}) IS DISTINCT FROM (${FIGURES.map(([c]) => merged(c)).join(", ")})
  RETURNING id, day, endpoint, revision, ${columns}, "reportedAt", "receivedAt"
),
revisions AS (
  INSERT INTO endpoint_metric_revision (id, "institutionId", "metricDayId", revision, figures, "reportedAt", "receivedAt", "apiKeyId")
  SELECT gen_random_uuid()::text, $1, id, revision,
    jsonb_build_object(${FIGURES.map(([c]) => `'${c}', ${q(c)}`).join(", ")}), "reportedAt", "receivedAt", $19
  FROM upserted ORDER BY id
)
SELECT to_char(input.day, 'YYYY-MM-DD') AS day, input.endpoint,
  upserted.revision AS written_revision, before.revision AS held_revision
FROM input
LEFT JOIN upserted USING (day, endpoint)
LEFT JOIN before USING (day, endpoint)
ORDER BY input.endpoint, input.day DESC`;

export type WrittenDay = { endpoint: string; day: string; status: "created" | "revised" | "unchanged"; revision: number };

export async function writeEndpointMetrics(
  sql: SqlPool,
  target: { institutionId: string; environmentId: string; apiKeyId: string | null; receivedAt: Date },
  rows: MetricDayRow[],
): Promise<WrittenDay[]> {
  const sorted = [...rows].sort((a, b) => (a.day === b.day ? (a.endpoint < b.endpoint ? -1 : 1) : a.day < b.day ? -1 : 1));
  const params: unknown[] = [
    target.institutionId,
    target.environmentId,
    target.receivedAt,
    sorted.map((r) => r.day),
    sorted.map((r) => r.endpoint),
    ...FIGURES.map(([c]) => sorted.map((r) => r[c])),
    sorted.map((r) => r.reportedAt),
    target.apiKeyId,
  ];
  const result = await sql.query<{ day: string; endpoint: string; written_revision: number | null; held_revision: number | null }>(
    WRITE_SQL,
    params,
  );
  return result.rows.map((r) => {
    if (r.written_revision === null) return { endpoint: r.endpoint, day: r.day, status: "unchanged", revision: r.held_revision ?? 1 };
    return { endpoint: r.endpoint, day: r.day, status: r.written_revision === 1 ? "created" : "revised", revision: r.written_revision };
  });
}
