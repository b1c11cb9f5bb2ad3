// Reads of usage reports: a finalized report is its stored canonical content, byte for byte; a draft
// is computed from the rollups on every read.
import { AppError } from "../../errors/app-error.ts";
import type { DomainContext } from "../domain-context.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";
import { addMonths, billingMonthOf, MONTH_PATTERN } from "../usage/sao-paulo-time.ts";
import { computeReport, computeReports } from "./compute-reports.ts";
import type { ReportContent } from "./report-content.ts";
import { type DraftPhase, draftPhase, graceEndsAt } from "./report-status.ts";

export type ReportView = {
  month: string;
  status: "DRAFT" | "FINALIZED";
  phase: DraftPhase | null;
  graceEndsAt: string;
  contentSha256: string | null;
  finalizedAt: Date | null;
  finalizedBy: string | null;
  content: ReportContent;
};

function assertMonth(month: string) {
  if (!MONTH_PATTERN.test(month)) throw new AppError("BAD_INPUT", "month must be YYYY-MM.", { fields: { month: "must be YYYY-MM" } });
}

function finalizedView(
  row: { month: string; canonical: string; contentSha256: string; finalizedAt: Date; finalizedByEmail: string | null },
  graceDays: number,
): ReportView {
  return {
    month: row.month,
    status: "FINALIZED",
    phase: null,
    graceEndsAt: graceEndsAt(row.month, graceDays).toISOString(),
    contentSha256: row.contentSha256,
    finalizedAt: row.finalizedAt,
    finalizedBy: row.finalizedByEmail ?? "scheduled job",
    content: JSON.parse(row.canonical) as ReportContent,
  };
}

function draftView(content: ReportContent, now: Date, graceDays: number): ReportView {
  return {
    month: content.month,
    status: "DRAFT",
    phase: draftPhase(content.month, now, graceDays),
    graceEndsAt: graceEndsAt(content.month, graceDays).toISOString(),
    contentSha256: null,
    finalizedAt: null,
    finalizedBy: null,
    content,
  };
}

export async function getReport(ctx: DomainContext, input: { institutionId: string; month: string }): Promise<ReportView> {
  assertMonth(input.month);
  const graceDays = ctx.settings.reportGraceDays;
  const row = await scopedDb(ctx, input.institutionId).usageReport.findUnique({
    where: { institutionId_month: { institutionId: input.institutionId, month: input.month } },
  });
  if (row) return finalizedView(row, graceDays);
  const content = await computeReport(ctx, input.institutionId, input.month);
  if (!content) throw new AppError("NOT_FOUND", "This institution has no report for that month.");
  return draftView(content, ctx.clock.now(), graceDays);
}

/** An institution's reports: every finalized one, and the drafts of this month and the last. */
export async function listInstitutionReports(ctx: DomainContext, input: { institutionId: string }) {
  const now = ctx.clock.now();
  const current = billingMonthOf(now);
  const finalized = await scopedDb(ctx, input.institutionId).usageReport.findMany({
    orderBy: { month: "desc" },
    select: { month: true, totalCentavos: true, contentSha256: true, finalizedAt: true },
  });
  type Row = {
    month: string;
    status: "DRAFT" | "FINALIZED";
    phase: DraftPhase | null;
    totalCentavos: number;
    contentSha256: string | null;
  };
  const rows: Row[] = finalized.map((r) => ({
    month: r.month,
    status: "FINALIZED",
    phase: null,
    totalCentavos: Number(r.totalCentavos),
    contentSha256: r.contentSha256,
  }));
  for (const month of [current, addMonths(current, -1)]) {
    if (rows.some((r) => r.month === month)) continue;
    const content = await computeReport(ctx, input.institutionId, month);
    if (content) {
      rows.push({
        month,
        status: "DRAFT",
        phase: draftPhase(month, now, ctx.settings.reportGraceDays),
        totalCentavos: content.totalCentavos,
        contentSha256: null,
      });
    }
  }
  return rows.sort((a, b) => (a.month < b.month ? 1 : -1));
}

/** Every institution's report for a month (Opus billing): finalized ones as stored, the rest computed. */
export async function listFleetReports(
  ctx: DomainContext,
  input: { month: string; status?: "DRAFT" | "FINALIZED" | undefined },
): Promise<ReportView[]> {
  assertMonth(input.month);
  const graceDays = ctx.settings.reportGraceDays;
  const finalized = await ctx.db.usageReport.findMany({ where: { month: input.month } });
  const done = new Set(finalized.map((r) => r.institutionId));
  const drafts =
    input.status === "FINALIZED" ? [] : (await computeReports(ctx, input.month, null)).filter((c) => !done.has(c.institution.id));
  const views = [
    ...(input.status === "DRAFT" ? [] : finalized.map((r) => finalizedView(r, graceDays))),
    ...drafts.map((c) => draftView(c, ctx.clock.now(), graceDays)),
  ];
  return views.sort((a, b) => a.content.institution.legalName.localeCompare(b.content.institution.legalName, "pt-BR"));
}
