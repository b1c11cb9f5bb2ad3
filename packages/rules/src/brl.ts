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
