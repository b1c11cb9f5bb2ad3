// The weekly availability report of one institution, in the shape a regulator's request needs: per
// environment, API family and endpoint, the week's availability against the daily minimum and the
// reported p95 against its class's limit. A week is Monday to Sunday in São Paulo days. Figures
// rest on what installations reported; a p95 that was not reported is said so, never replaced by
// the average.
import { formatCnpj } from "@opus/rules/cnpj";
import { CURRENT_RULES } from "@opus/rules/regulatory-thresholds";
import { addDays, countedDowntimeSeconds, dailyAvailabilityVerdict, endpointClassOf, percentText } from "@opus/rules/regulatory-verdicts";
import { authorize } from "../../authz/permissions.ts";
import { AppError } from "../../errors/app-error.ts";
import { type CsvValue, csv } from "../../lib/csv.ts";
import { type PdfDoc, pdfDocument, pdfRow } from "../../lib/pdf-table.ts";
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

type WeekRow = Parameters<typeof toFigures>[0] & { environment: { kind: string } };

function checkWeek(week: string): string {
  if (!isMonday(week)) throw new AppError("BAD_INPUT", `A week starts on a Monday; ${week} is not one.`);
  return addDays(week, 6);
}

const weekDays = (week: string, until: string) => ({ gte: new Date(`${week}T00:00:00Z`), lte: new Date(`${until}T00:00:00Z`) });

/** One line per (environment, endpoint) of the rows, in one pass; `rows` come ordered by environment, endpoint and day. */
function weekLines(rows: WeekRow[]): WeeklyLine[] {
  const groups = new Map<string, WeekRow[]>();
  for (const r of rows) {
    const key = `${r.environmentId} ${r.endpoint}`;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const day = CURRENT_RULES.daySeconds;
  const lines: WeeklyLine[] = [...groups.values()].map((list) => {
    const first = list[0] as WeekRow;
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
  return lines.sort(
    (a, b) => a.environment.localeCompare(b.environment) || a.apiFamily.localeCompare(b.apiFamily) || a.endpoint.localeCompare(b.endpoint),
  );
}

export async function weeklyAvailability(ctx: DomainContext, input: { institutionId: string; week: string }) {
  const until = checkWeek(input.week);
  const db = scopedDb(ctx, input.institutionId);
  const institution = await db.institution.findFirst({ where: { id: input.institutionId }, select: { slug: true, legalName: true } });
  if (!institution) throw new AppError("NOT_FOUND", "Institution not found.");
  const rows = await db.endpointMetricDay.findMany({
    where: { day: weekDays(input.week, until) },
    select: { ...FIGURE_SELECT, environment: { select: { kind: true } } },
    orderBy: [{ environmentId: "asc" }, { endpoint: "asc" }, { day: "asc" }],
  });
  return { institution, week: input.week, until, rulesVersion: CURRENT_RULES.version, lines: weekLines(rows) };
}

export type FleetWeeklyInstitution = { slug: string; legalName: string; cnpj: string | null; lines: WeeklyLine[] };

/**
 * The same week for every institution that reported (Opus staff): one section per institution, in
 * the shape a regulator's fleet-wide request needs. One statement for the whole fleet's rows.
 */
export async function fleetWeeklyAvailability(ctx: DomainContext, input: { week: string }) {
  authorize(ctx.actor, "fleet.read");
  const until = checkWeek(input.week);
  const rows = await ctx.db.endpointMetricDay.findMany({
    where: { day: weekDays(input.week, until) },
    select: {
      ...FIGURE_SELECT,
      environment: { select: { kind: true, institution: { select: { slug: true, legalName: true, cnpj: true } } } },
    },
    orderBy: [{ environmentId: "asc" }, { endpoint: "asc" }, { day: "asc" }],
  });
  const byInstitution = new Map<string, { institution: (typeof rows)[number]["environment"]["institution"]; rows: WeekRow[] }>();
  for (const r of rows) {
    const { institution } = r.environment;
    const entry = byInstitution.get(institution.slug);
    if (entry) entry.rows.push(r);
    else byInstitution.set(institution.slug, { institution, rows: [r] });
  }
  const institutions: FleetWeeklyInstitution[] = [...byInstitution.values()]
    .map(({ institution, rows: own }) => ({ ...institution, lines: weekLines(own) }))
    .sort((a, b) => a.slug.localeCompare(b.slug));
  return { week: input.week, until, rulesVersion: CURRENT_RULES.version, institutions };
}

type Weekly = Awaited<ReturnType<typeof weeklyAvailability>>;
type FleetWeekly = Awaited<ReturnType<typeof fleetWeeklyAvailability>>;

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

function lineCells(l: WeeklyLine, minimum: string): CsvValue[] {
  return [
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
  ];
}

const dailyMinimum = () => percentText(CURRENT_RULES.dailyAvailability.minimumBasisPoints, 10_000);

export function weeklyCsv(report: Weekly): string {
  const minimum = dailyMinimum();
  return csv([CSV_HEADER, ...report.lines.map((l) => lineCells(l, minimum))]);
}

/** The fleet's week: the institution's identity leads each line, so the file filters and pivots as is. */
export function fleetWeeklyCsv(report: FleetWeekly): string {
  const minimum = dailyMinimum();
  const lines = report.institutions.flatMap((i) => i.lines.map((l) => [i.slug, i.cnpj, i.legalName, ...lineCells(l, minimum)]));
  return csv([["institution", "cnpj", "legal_name", ...CSV_HEADER], ...lines]);
}

const PDF_COLUMNS = [50, 110, 300, 360, 420, 480];

function pdfLines(doc: PdfDoc, lines: WeeklyLine[]) {
  pdfRow(doc, PDF_COLUMNS, ["Ambiente / API", "Endpoint", "Dias", "Disp. %", "Abaixo 95%", "p95 / limite"], { bold: true, fontSize: 8 });
  for (const l of lines) {
    pdfRow(
      doc,
      PDF_COLUMNS,
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
}

function pdfFootnote(doc: PdfDoc) {
  doc.moveDown();
  doc.font("Helvetica").fontSize(8).fillColor("#666");
  doc.text(
    "p95 como reportado pela instalação; a média nunca é apresentada como percentil. / p95 as reported; an average is never shown as a percentile.",
    50,
  );
}

const weekStamp = (until: string) => new Date(`${until}T23:59:59-03:00`);

export function weeklyPdf(report: Weekly): Promise<Buffer> {
  const { doc, done } = pdfDocument({
    title: `Disponibilidade semanal ${report.institution.slug} ${report.week}`,
    stamp: weekStamp(report.until),
  });
  doc.fontSize(16).text("Disponibilidade semanal / Weekly availability");
  doc.moveDown(0.3).fontSize(10).fillColor("#444");
  doc.text(report.institution.legalName);
  doc.text(`Semana / Week: ${report.week} – ${report.until} (America/Sao_Paulo) · ${report.rulesVersion}`);
  doc.moveDown();
  pdfLines(doc, report.lines);
  pdfFootnote(doc);
  doc.end();
  return done;
}

const named = (i: FleetWeeklyInstitution) => (i.cnpj ? `${i.legalName} (${formatCnpj(i.cnpj)})` : i.legalName);

/** The fleet's week: a summary line per institution, then each institution's table on its own page. */
export function fleetWeeklyPdf(report: FleetWeekly): Promise<Buffer> {
  const { doc, done } = pdfDocument({ title: `Disponibilidade semanal da frota ${report.week}`, stamp: weekStamp(report.until) });
  doc.fontSize(16).text("Disponibilidade semanal da frota / Fleet weekly availability");
  doc.moveDown(0.3).fontSize(10).fillColor("#444");
  doc.text(`Semana / Week: ${report.week} – ${report.until} (America/Sao_Paulo) · ${report.rulesVersion}`);
  doc.text(`Instituições que reportaram / Institutions that reported: ${report.institutions.length}`);
  doc.moveDown();
  const columns = [50, 330, 420, 480];
  pdfRow(doc, columns, ["Instituição / Institution", "Endpoints", "Abaixo 95%", "p95 acima"], { bold: true, fontSize: 8 });
  for (const i of report.institutions) {
    const below = i.lines.reduce((n, l) => n + l.daysBelowDailyMinimum, 0);
    const above = i.lines.filter((l) => l.p95Verdict === "above").length;
    pdfRow(doc, columns, [named(i), String(i.lines.length), String(below), String(above)], { fontSize: 8 });
  }
  for (const i of report.institutions) {
    doc.addPage();
    doc.font("Helvetica-Bold").fontSize(12).fillColor("#000").text(named(i));
    doc.moveDown(0.5);
    pdfLines(doc, i.lines);
  }
  pdfFootnote(doc);
  doc.end();
  return done;
}

export async function exportWeeklyAvailability(
  ctx: DomainContext,
  input: { institutionId: string; week: string; format: "csv" | "pdf" },
): Promise<ExportFile> {
  const report = await weeklyAvailability(ctx, input);
  return exportFile(
    `availability-${report.institution.slug}-${report.week}`,
    input.format,
    () => weeklyCsv(report),
    () => weeklyPdf(report),
  );
}

function exportFile(name: string, format: "csv" | "pdf", csv: () => string, pdf: () => Promise<Buffer>): Promise<ExportFile> | ExportFile {
  if (format === "pdf")
    return pdf().then((bytes) => ({ filename: `${name}.pdf`, contentType: "application/pdf", base64: bytes.toString("base64") }));
  return { filename: `${name}.csv`, contentType: "text/csv; charset=utf-8", base64: Buffer.from(csv(), "utf8").toString("base64") };
}

export async function exportFleetWeeklyAvailability(
  ctx: DomainContext,
  input: { week: string; format: "csv" | "pdf" },
): Promise<ExportFile> {
  const report = await fleetWeeklyAvailability(ctx, input);
  return exportFile(
    `availability-fleet-${report.week}`,
    input.format,
    () => fleetWeeklyCsv(report),
    () => fleetWeeklyPdf(report),
  );
}
