// CSV and JSON exports of one report, and the fleet-wide CSV of a month (one row per institution and
// meter). Amounts are exact reais with two decimals ("2351.85"), never formatted floats.

import { csv } from "../../lib/csv.ts";
import type { ReportView } from "./get-reports.ts";
import { centavosText } from "./money.ts";

export function reportCsv(view: ReportView): string {
  const c = view.content;
  const rows: (string | number | null)[][] = [
    ["month", "line", "meter", "unit", "quantity", "included", "billable", "model", "amount_brl", "reference"],
  ];
  rows.push([c.month, "base_fee", null, null, null, null, null, null, centavosText(c.baseFeeCentavos), c.deploymentMode]);
  for (const l of c.lines)
    rows.push([c.month, "usage", l.meter, l.unit, l.quantity, l.included, l.billable, l.model, centavosText(l.amountCentavos), null]);
  for (const l of c.lateUsage)
    rows.push([c.month, "late_usage", l.meter, null, l.quantity, null, null, null, centavosText(l.amountCentavos), l.month]);
  for (const a of c.adjustments)
    rows.push([c.month, "adjustment", null, null, null, null, null, null, centavosText(a.amountCentavos), a.reason]);
  rows.push([
    c.month,
    "total",
    null,
    null,
    null,
    null,
    null,
    null,
    centavosText(c.totalCentavos),
    view.contentSha256 ? `sha256:${view.contentSha256}` : view.status,
  ]);
  return csv(rows);
}

export function reportJson(view: ReportView): string {
  return `${JSON.stringify({ status: view.status, contentSha256: view.contentSha256, finalizedAt: view.finalizedAt, finalizedBy: view.finalizedBy, report: view.content }, null, 2)}\n`;
}

export function fleetCsv(month: string, views: ReportView[]): string {
  const rows: (string | number | null)[][] = [
    [
      "month",
      "institution_id",
      "legal_name",
      "cnpj",
      "status",
      "meter",
      "quantity",
      "included",
      "billable",
      "amount_brl",
      "report_total_brl",
    ],
  ];
  for (const v of views) {
    const c = v.content;
    const base = [month, c.institution.id, c.institution.legalName, c.institution.cnpj, v.status] as const;
    rows.push([...base, "base_fee", null, null, null, centavosText(c.baseFeeCentavos), centavosText(c.totalCentavos)]);
    for (const l of c.lines)
      rows.push([...base, l.meter, l.quantity, l.included, l.billable, centavosText(l.amountCentavos), centavosText(c.totalCentavos)]);
  }
  return csv(rows);
}
