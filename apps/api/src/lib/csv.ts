// The project's CSV files (billing exports, the version matrix, availability reports): RFC 4180,
// CRLF line ends, and no cell a spreadsheet would run as a formula.
export type CsvValue = string | number | null;

/** RFC 4180 quoting; a leading =, +, - or @ is neutralised so a spreadsheet never runs a cell as a formula. */
function cell(value: CsvValue): string {
  let text = value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csv(rows: CsvValue[][]): string {
  return `${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}
