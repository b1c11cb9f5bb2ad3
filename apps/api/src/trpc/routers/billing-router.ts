import { z } from "zod";
import { decideAdjustment, listAdjustments, requestAdjustment } from "../../domain/billing/adjustments.ts";
import { exportFleet, exportReport } from "../../domain/billing/export-files.ts";
import { finalizeReport } from "../../domain/billing/finalize-report.ts";
import { getReport, listFleetReports, listInstitutionReports } from "../../domain/billing/get-reports.ts";
import { listPlanPrices, setPlanPrices } from "../../domain/billing/plan-prices.ts";
import { zPriceSpec } from "../../domain/billing/price-spec.ts";
import { protectedProcedure, router } from "../init.ts";
import { zDecision, zId, zInstitutionScope, zReason } from "../schemas.ts";
import { zMonth } from "./billing-schemas.ts";

const zReportStatus = z.enum(["DRAFT", "FINALIZED"]);

export const billingRouter = router({
  reports: protectedProcedure("reports.read")
    .input(z.strictObject(zInstitutionScope))
    .query(({ ctx, input }) => listInstitutionReports(ctx, input)),
  report: protectedProcedure("reports.read")
    .input(z.strictObject({ ...zInstitutionScope, month: zMonth }))
    .query(({ ctx, input }) => getReport(ctx, input)),
  exportReport: protectedProcedure("reports.read")
    .input(z.strictObject({ ...zInstitutionScope, month: zMonth, format: z.enum(["csv", "json", "pdf"]) }))
    .query(({ ctx, input }) => exportReport(ctx, input)),
  fleet: protectedProcedure("billing.read")
    .input(z.strictObject({ month: zMonth, status: zReportStatus.optional() }))
    .query(({ ctx, input }) => listFleetReports(ctx, input)),
  exportFleet: protectedProcedure("billing.read")
    .input(z.strictObject({ month: zMonth }))
    .query(({ ctx, input }) => exportFleet(ctx, input)),
  finalize: protectedProcedure("billing.manage")
    .input(z.strictObject({ ...zInstitutionScope, month: zMonth }))
    .mutation(({ ctx, input }) => finalizeReport(ctx, input)),
  adjustments: protectedProcedure("billing.read")
    .input(z.strictObject({ month: zMonth.optional(), status: z.enum(["PENDING", "APPROVED", "REJECTED"]).optional() }))
    .query(({ ctx, input }) => listAdjustments(ctx, input)),
  requestAdjustment: protectedProcedure("billing.manage")
    .input(
      z.strictObject({
        ...zInstitutionScope,
        month: zMonth,
        amountCentavos: z.number().int("must be whole centavos").min(-1e11).max(1e11),
        reason: zReason,
      }),
    )
    .mutation(({ ctx, input }) => requestAdjustment(ctx, input)),
  decideAdjustment: protectedProcedure("billing.manage")
    .input(z.strictObject({ adjustmentId: zId, decision: zDecision }))
    .mutation(({ ctx, input }) => decideAdjustment(ctx, input)),
  planPrices: protectedProcedure("billing.read")
    .input(z.strictObject({ planId: zId }))
    .query(({ ctx, input }) => listPlanPrices(ctx, input)),
  setPlanPrices: protectedProcedure("billing.manage")
    .input(z.strictObject({ planId: zId, effectiveMonth: zMonth, spec: zPriceSpec }))
    .mutation(({ ctx, input }) => setPlanPrices(ctx, input)),
});
