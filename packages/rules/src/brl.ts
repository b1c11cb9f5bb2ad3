// Brazilian reais shown from integer centavos, with integer arithmetic only (no float division), so
// the API's PDF and CSV and the console's screens print the same amount the same way.

/** "R$ 2.351,85" in pt-BR, "R$2,351.85" in English. */
export function formatBrl(centavos: number, locale: "pt-BR" | "en" = "pt-BR"): string {
  if (!Number.isSafeInteger(centavos)) throw new Error(`not an exact integer amount of centavos: ${centavos}`);
  const sign = centavos < 0 ? "-" : "";
  const abs = Math.abs(centavos);
  const reais = new Intl.NumberFormat(locale === "pt-BR" ? "pt-BR" : "en-US").format(Math.floor(abs / 100));
  const cents = String(abs % 100).padStart(2, "0");
  return locale === "pt-BR" ? `${sign}R$ ${reais},${cents}` : `${sign}R$${reais}.${cents}`;
}

/** "2351.85" for 235185: exact, for CSV and JSON. */
export function centavosText(centavos: number): string {
  const sign = centavos < 0 ? "-" : "";
  const abs = Math.abs(centavos);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/**
 * Integer centavos from an amount a person typed in their language ("1.234,56" in pt-BR,
 * "1,234.56" in English; "R$" and spaces allowed), by string arithmetic only: no float ever
 * touches the amount. Null when it is not an amount with at most two decimals.
 */
export function parseBrl(text: string, locale: "pt-BR" | "en" = "pt-BR"): number | null {
  const [thousands, decimal] = locale === "pt-BR" ? [".", ","] : [",", "."];
  const bare = text.replace(/R\$/g, "").replace(/\s/g, "");
  const sign = bare.startsWith("-") ? -1 : 1;
  const unsigned = sign < 0 ? bare.slice(1) : bare;
  const [whole = "", cents, extra] = unsigned.split(decimal);
  if (extra !== undefined || whole === "") return null;
  // Thousands separators only in groups of three ("1.234.567"), or none at all ("1234567").
  const grouped = new RegExp(`^\\d{1,3}(\\${thousands}\\d{3})+$`);
  if (!/^\d+$/.test(whole) && !grouped.test(whole)) return null;
  if (cents !== undefined && !/^\d{1,2}$/.test(cents)) return null;
  const digits = `${whole.split(thousands).join("")}${(cents ?? "").padEnd(2, "0")}`;
  const centavos = Number(digits);
  return Number.isSafeInteger(centavos) ? (centavos === 0 ? 0 : sign * centavos) : null;
}

/** The text a person edits for an amount: "1234,56" / "1234.56" (no thousands separators). */
export function brlInputText(centavos: number, locale: "pt-BR" | "en" = "pt-BR"): string {
  const text = centavosText(centavos);
  return locale === "pt-BR" ? text.replace(".", ",") : text;
}
