// The PDF of one report (pdfkit, its built-in Helvetica: no font download). pt-BR formatting.
import { createRequire } from "node:module";
import type { ReportView } from "./get-reports.ts";
import { formatBrl } from "./money.ts";

// pdfkit's package exports send ESM `import` to its browser build (no built-in fonts); Node's
// CommonJS build is the one that carries them.
const PDFDocument = createRequire(import.meta.url)("pdfkit") as typeof import("pdfkit");

export function reportPdf(view: ReportView): Promise<Buffer> {
  const c = view.content;
  // Fixed metadata dates: the same report gives the same PDF bytes.
  const stamp = view.finalizedAt ?? new Date(c.period.end);
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    info: { Title: `Relatório de uso ${c.month}`, Author: "Opus Open Finance", CreationDate: stamp, ModDate: stamp },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));

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
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    doc
      .font(bold ? "Helvetica-Bold" : "Helvetica")
      .fontSize(10)
      .fillColor("#000");
    let bottom = y;
    cells.forEach((text, i) => {
      const x = columns[i] ?? 50;
      const width = (columns[i + 1] ?? 545) - x - 6;
      doc.text(text, x, y, { width, align: i === 0 ? "left" : "right" });
      bottom = Math.max(bottom, doc.y);
    });
    // The next row starts below the tallest cell (a long meter name wraps).
    doc.x = 50;
    doc.y = bottom + 4;
  };
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
