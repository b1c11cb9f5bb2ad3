// Export downloads as { filename, contentType, base64 } (tRPC carries JSON; the console saves a Blob).
import type { DomainContext } from "../domain-context.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";
import { getReport, listFleetReports } from "./get-reports.ts";
import { fleetCsv, reportCsv, reportJson } from "./report-exports.ts";
import { reportPdf } from "./report-pdf.ts";

export type ExportFile = { filename: string; contentType: string; base64: string };

export async function exportReport(
  ctx: DomainContext,
  input: { institutionId: string; month: string; format: "csv" | "json" | "pdf" },
): Promise<ExportFile> {
  const view = await getReport(ctx, input);
  const slug = await scopedDb(ctx, input.institutionId).institution.findUnique({
    where: { id: input.institutionId },
    select: { slug: true },
  });
  const name = `usage-report-${slug?.slug ?? input.institutionId}-${input.month}`;
  if (input.format === "pdf")
    return { filename: `${name}.pdf`, contentType: "application/pdf", base64: (await reportPdf(view)).toString("base64") };
  const text = input.format === "csv" ? reportCsv(view) : reportJson(view);
  return {
    filename: `${name}.${input.format}`,
    contentType: input.format === "csv" ? "text/csv; charset=utf-8" : "application/json",
    base64: Buffer.from(text, "utf8").toString("base64"),
  };
}

export async function exportFleet(ctx: DomainContext, input: { month: string }): Promise<ExportFile> {
  const views = await listFleetReports(ctx, input);
  return {
    filename: `usage-fleet-${input.month}.csv`,
    contentType: "text/csv; charset=utf-8",
    base64: Buffer.from(fleetCsv(input.month, views), "utf8").toString("base64"),
  };
}
