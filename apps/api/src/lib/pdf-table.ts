// The project's PDFs (pdfkit, its built-in Helvetica: no font download): a document with fixed
// metadata dates, so the same content gives the same bytes, and table rows whose next row starts
// below the tallest cell. Used by the usage report and the weekly availability report.
import { createRequire } from "node:module";

// pdfkit's package exports send ESM `import` to its browser build (no built-in fonts); Node's
// CommonJS build is the one that carries them.
const PDFDocument = createRequire(import.meta.url)("pdfkit") as typeof import("pdfkit");

export type PdfDoc = InstanceType<typeof PDFDocument>;

export function pdfDocument(info: { title: string; stamp: Date }): { doc: PdfDoc; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    info: { Title: info.title, Author: "Opus Open Finance", CreationDate: info.stamp, ModDate: info.stamp },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  return { doc, done };
}

/** One row at the columns' x positions (the last column ends at the right margin); the first cell left-aligned, the others right. */
export function pdfRow(doc: PdfDoc, columns: number[], cells: string[], options: { bold?: boolean; fontSize?: number } = {}) {
  const y = doc.y;
  doc
    .font(options.bold ? "Helvetica-Bold" : "Helvetica")
    .fontSize(options.fontSize ?? 10)
    .fillColor("#000");
  let bottom = y;
  cells.forEach((text, i) => {
    const x = columns[i] ?? 50;
    const width = (columns[i + 1] ?? 545) - x - 6;
    doc.text(text, x, y, { width, align: i === 0 ? "left" : "right" });
    bottom = Math.max(bottom, doc.y);
  });
  doc.x = 50;
  doc.y = bottom + 4;
}
