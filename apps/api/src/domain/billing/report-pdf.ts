// The PDF of one usage report (lib/pdf-table.ts). pt-BR formatting.
import { pdfDocument, pdfRow } from "../../lib/pdf-table.ts";
import type { ReportView } from "./get-reports.ts";
import { formatBrl } from "./money.ts";

export function reportPdf(view: ReportView): Promise<Buffer> {
  const c = view.content;
  // Fixed metadata dates: the same report gives the same PDF bytes.
  const stamp = view.finalizedAt ?? new Date(c.period.end);
  const { doc, done } = pdfDocument({ title: `Relatório de uso ${c.month}`, stamp });

  doc.fontSize(18).text("Relatório de uso / Usage report", { continued: false });
  doc.moveDown(0.3).fontSize(11).fillColor("#444");
  doc.text(`${c.institution.legalName}${c.institution.cnpj ? ` — CNPJ ${c.institution.cnpj}` : ""}`);
  doc.text(`Mês / Month: ${c.month} (${c.timeZone})`);
  doc.text(
    `Plano / Plan: ${c.plan ? `${c.plan.name} (${c.plan.code}, preços de ${c.plan.effectiveMonth})` : "—"} · ${c.deploymentMode ?? "—"}`,
  );
  doc.text(
    view.status === "FINALIZED"
      ? `Finalizado / Finalized: ${view.finalizedAt?.toISOString()} por ${view.finalizedBy}`
      : `Rascunho / Draft (${view.phase}) — prazo de carência até ${view.graceEndsAt}`,
  );
  doc.moveDown();

  const columns = [50, 210, 300, 380, 460];
  const row = (cells: string[], bold = false) => pdfRow(doc, columns, cells, { bold });
  row(["Medidor / Meter", "Quantidade", "Incluído", "Faturável", "Valor"], true);
  row(["Mensalidade / Base fee", "", "", "", formatBrl(c.baseFeeCentavos)]);
  for (const l of c.lines) {
    row([`${l.name} (${l.unit})`, l.quantity, l.included, l.billable, formatBrl(l.amountCentavos)]);
    for (const t of l.tiers) {
      doc.font("Helvetica").fontSize(8).fillColor("#555");
      doc.text(
        `   ${t.upTo === null ? `acima de ${t.from}` : `${t.from} – ${t.upTo}`}: ${t.quantity} × R$ ${t.unitPrice.replace(".", ",")} = R$ ${t.amount.replace(".", ",")}`,
        60,
      );
      doc.moveDown(0.2);
    }
  }
  for (const l of c.lateUsage) row([`Uso tardio ${l.month}: ${l.meter}`, l.quantity, "", "", formatBrl(l.amountCentavos)]);
  for (const a of c.adjustments) row([`Ajuste: ${a.reason}`, "", "", "", formatBrl(a.amountCentavos)]);
  doc.moveDown(0.5);
  row(["Total", "", "", "", formatBrl(c.totalCentavos)], true);
  doc.moveDown();
  doc.font("Helvetica").fontSize(8).fillColor("#666");
  doc.text(
    "Valores por linha arredondados uma vez ao centavo (meio para o par, ABNT NBR 5891). / Each line rounded once to centavos, half to even.",
    50,
  );
  if (view.contentSha256) doc.text(`SHA-256: ${view.contentSha256}`, 50);
  doc.end();
  return done;
}
