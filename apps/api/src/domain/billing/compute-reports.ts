// Computes monthly reports from the rollups, for one institution or the whole fleet, with a fixed
// number of queries whatever the fleet size (quantities, prices, adjustments: one query each).
import type { Enums } from "@opus/db/client";
import type { PublicDomainContext } from "../domain-context.ts";
import { lateUsageLines } from "./late-usage.ts";
import { monthQuantities } from "./month-quantities.ts";
import { type PriceVersion, priceVersionFor } from "./plan-prices.ts";
import { buildReportContent, type ReportContent } from "./report-content.ts";

type Ctx = Pick<PublicDomainContext, "db">;

/** Institutions that get a report: decided and priced ones (drafts, rejections and sign-ups do not). */
export const BILLABLE_STATUSES: Enums.InstitutionStatus[] = [
  "APPROVED",
  "PROVISIONING",
  "ACTIVE",
  "SUSPENDED",
  "OFFBOARDING",
  "OFFBOARDED",
];

export async function computeReports(ctx: Ctx, month: string, institutionIds: string[] | null): Promise<ReportContent[]> {
  const quantities = await monthQuantities(ctx.db, month, institutionIds);
  const institutions = await ctx.db.institution.findMany({
    where: {
      ...(institutionIds ? { id: { in: institutionIds } } : {}),
      OR: [{ status: { in: BILLABLE_STATUSES }, planId: { not: null } }, { id: { in: [...quantities.keys()] } }],
    },
    select: { id: true, legalName: true, cnpj: true, deploymentMode: true, plan: { select: { id: true, code: true, name: true } } },
    orderBy: { legalName: "asc" },
  });
  const [meters, adjustments, lateMonths] = await Promise.all([
    ctx.db.meter.findMany({ select: { code: true, name: true, unit: true, aggregation: true } }),
    ctx.db.usageAdjustment.findMany({
      where: { month, status: "APPROVED", ...(institutionIds ? { institutionId: { in: institutionIds } } : {}) },
      select: { id: true, institutionId: true, reason: true, amountCentavos: true },
    }),
    institutionIds
      ? ctx.db.$queryRawUnsafe<{ institution_id: string }[]>(
          "SELECT DISTINCT institution_id FROM usage_late_month WHERE month < $1 AND institution_id = ANY($2::text[])",
          month,
          institutionIds,
        )
      : ctx.db.$queryRawUnsafe<{ institution_id: string }[]>(
          "SELECT DISTINCT institution_id FROM usage_late_month WHERE month < $1",
          month,
        ),
  ]);
  const versions = new Map<string, PriceVersion | null>();
  for (const planId of new Set(institutions.flatMap((i) => (i.plan ? [i.plan.id] : [])))) {
    versions.set(planId, await priceVersionFor(ctx, planId, month));
  }
  const withLateUsage = new Set(lateMonths.map((r) => r.institution_id));
  const reports: ReportContent[] = [];
  for (const institution of institutions) {
    reports.push(
      buildReportContent({
        institution: { id: institution.id, legalName: institution.legalName, cnpj: institution.cnpj },
        month,
        deploymentMode: institution.deploymentMode,
        plan: institution.plan,
        version: institution.plan ? (versions.get(institution.plan.id) ?? null) : null,
        meters,
        quantities: quantities.get(institution.id) ?? new Map(),
        lateUsage: withLateUsage.has(institution.id) ? await lateUsageLines(ctx, institution.id, month, meters) : [],
        adjustments: adjustments
          .filter((a) => a.institutionId === institution.id)
          .map((a) => ({ id: a.id, reason: a.reason, amountCentavos: Number(a.amountCentavos) })),
      }),
    );
  }
  return reports;
}

export async function computeReport(ctx: Ctx, institutionId: string, month: string): Promise<ReportContent | null> {
  return (await computeReports(ctx, month, [institutionId]))[0] ?? null;
}
