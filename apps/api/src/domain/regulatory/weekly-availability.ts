// The weekly availability report of one institution, in the shape a regulator's request needs: per
// environment, API family and endpoint, the week's availability against the daily minimum and the
// reported p95 against its class's limit. A week is Monday to Sunday in São Paulo days. Figures
// rest on what installations reported; a p95 that was not reported is said so, never replaced by
// the average.
import { CURRENT_RULES } from "@opus/rules/regulatory-thresholds";
import { addDays, countedDowntimeSeconds, dailyAvailabilityVerdict, endpointClassOf, percentText } from "@opus/rules/regulatory-verdicts";
import { AppError } from "../../errors/app-error.ts";
import { pdfDocument, pdfRow } from "../../lib/pdf-table.ts";
import type { ExportFile } from "../billing/export-files.ts";
import type { DomainContext } from "../domain-context.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";
import { FIGURE_SELECT, toFigures } from "./metric-rows.ts";

export type WeeklyLine = {
  environment: string;
  apiFamily: string;
  endpoint: string;
  daysReported: number;
  downtimeSeconds: number | null;
  availabilityPercent: string | null;
  daysBelowDailyMinimum: number;
  p95MaxMs: number | null;
  p95LimitMs: number | null;
  p95Verdict: "within" | "above" | "not reported" | "unclassified";
};

/** "/open-banking/consents/v3/consents" → "consents"; the admin API names endpoints by path. */
export function apiFamilyOf(endpoint: string): string {
  const parts = endpoint
    .replace(/^https?:\/\/[^/]+/, "")
    .split("/")
    .filter(Boolean);
  return (parts[0] === "open-banking" ? parts[1] : parts[0]) ?? "—";
}

function isMonday(day: string): boolean {
  return new Date(`${day}T12:00:00Z`).getUTCDay() === 1;
}

export async function weeklyAvailability(ctx: DomainContext, input: { institutionId: string; week: string }) {
  if (!isMonday(input.week)) throw new AppError("BAD_INPUT", `A week starts on a Monday; ${input.week} is not one.`);
  const until = addDays(input.week, 6);
  const db = scopedDb(ctx, input.institutionId);
  const institution = await db.institution.findFirst({ where: { id: input.institutionId }, select: { slug: true, legalName: true } });
  if (!institution) throw new AppError("NOT_FOUND", "Institution not found.");
  const rows = await db.endpointMetricDay.findMany({
    where: { day: { gte: new Date(`${input.week}T00:00:00Z`), lte: new Date(`${until}T00:00:00Z`) } },
    select: { ...FIGURE_SELECT, environment: { select: { kind: true } } },
    orderBy: [{ environmentId: "asc" }, { endpoint: "asc" }, { day: "asc" }],
  });
  const groups = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${r.environment.kind} ${r.endpoint}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const day = CURRENT_RULES.daySeconds;
  const lines: WeeklyLine[] = [...groups.values()].map((list) => {
    const first = list[0] as (typeof rows)[number];
    const figures = list.map(toFigures);
    const downtimes = figures.map((f) => countedDowntimeSeconds(f)).filter((d): d is number => d !== null);
    const downtime = downtimes.length ? downtimes.reduce((a, b) => a + b, 0) : null;
    const p95s = figures.map((f) => f.p95ResponseMs).filter((p): p is number => p !== null);
    const cls = endpointClassOf(first.endpoint);
    const limit = cls ? CURRENT_RULES.latency.limitMs[cls] : null;
    const p95 = p95s.length ? Math.max(...p95s) : null;
    return {
      environment: first.environment.kind.toLowerCase(),
      apiFamily: apiFamilyOf(first.endpoint),
      endpoint: first.endpoint,
      daysReported: list.length,
      downtimeSeconds: downtime,
      availabilityPercent: downtime === null ? null : percentText(downtimes.length * day - downtime, downtimes.length * day),
      daysBelowDailyMinimum: figures.filter((f) => dailyAvailabilityVerdict(f).passed === false).length,
      p95MaxMs: p95,
      p95LimitMs: limit,
      p95Verdict: limit === null ? "unclassified" : p95 === null ? "not reported" : p95 <= limit ? "within" : "above",
    };
  });
  lines.sort(
    (a, b) => a.environment.localeCompare(b.environment) || a.apiFamily.localeCompare(b.apiFamily) || a.endpoint.localeCompare(b.endpoint),
  );
  return { institution, week: input.week, until, rulesVersion: CURRENT_RULES.version, lines };
}

type Weekly = Awaited<ReturnType<typeof weeklyAvailability>>;

const CSV_HEADER = [
  "environment",
  "api_family",
  "endpoint",
  "days_reported",
  "downtime_seconds",
  "availability_percent",
  "daily_minimum_percent",
  "days_below_daily_minimum",
  "p95_max_ms",
  "p95_limit_ms",
  "p95_verdict",
];

const cell = (v: string | number | null) => {
  const text = v === null ? "" : String(v);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export function weeklyCsv(report: Weekly): string {
  const minimum = percentText(CURRENT_RULES.dailyAvailability.minimumBasisPoints, 10_000);
  const lines = report.lines.map((l) =>
    [
      l.environment,
      l.apiFamily,
      l.endpoint,
      l.daysReported,
      l.downtimeSeconds,
      l.availabilityPercent,
      minimum,
      l.daysBelowDailyMinimum,
      l.p95MaxMs,
      l.p95LimitMs,
      l.p95Verdict,
    ]
      .map(cell)
      .join(","),
  );
  return `${[CSV_HEADER.join(","), ...lines].join("\n")}\n`;
}

export function weeklyPdf(report: Weekly): Promise<Buffer> {
  const { doc, done } = pdfDocument({
    title: `Disponibilidade semanal ${report.institution.slug} ${report.week}`,
    stamp: new Date(`${report.until}T23:59:59-03:00`),
  });
  doc.fontSize(16).text("Disponibilidade semanal / Weekly availability");
  doc.moveDown(0.3).fontSize(10).fillColor("#444");
  doc.text(report.institution.legalName);
  doc.text(`Semana / Week: ${report.week} – ${report.until} (America/Sao_Paulo) · ${report.rulesVersion}`);
  doc.moveDown();
  const columns = [50, 110, 300, 360, 420, 480];
  pdfRow(doc, columns, ["Ambiente / API", "Endpoint", "Dias", "Disp. %", "Abaixo 95%", "p95 / limite"], { bold: true, fontSize: 8 });
  for (const l of report.lines) {
    pdfRow(
      doc,
      columns,
      [
        `${l.environment} · ${l.apiFamily}`,
        l.endpoint,
        String(l.daysReported),
        l.availabilityPercent ?? "—",
        String(l.daysBelowDailyMinimum),
        l.p95MaxMs === null ? l.p95Verdict : `${l.p95MaxMs} / ${l.p95LimitMs ?? "—"} (${l.p95Verdict})`,
      ],
      { fontSize: 8 },
    );
  }
  doc.moveDown();
  doc.font("Helvetica").fontSize(8).fillColor("#666");
  doc.text(
    "p95 como reportado pela instalação; a média nunca é apresentada como percentil. / p95 as reported; an average is never shown as a percentile.",
    50,
  );
  doc.end();
  return done;
}

export async function exportWeeklyAvailability(
  ctx: DomainContext,
  input: { institutionId: string; week: string; format: "csv" | "pdf" },
): Promise<ExportFile> {
  const report = await weeklyAvailability(ctx, input);
  const name = `availability-${report.institution.slug}-${report.week}`;
  if (input.format === "pdf") {
    return { filename: `${name}.pdf`, contentType: "application/pdf", base64: (await weeklyPdf(report)).toString("base64") };
  }
  return {
    filename: `${name}.csv`,
    contentType: "text/csv; charset=utf-8",
    base64: Buffer.from(weeklyCsv(report), "utf8").toString("base64"),
  };
}
