// The one module for money. Amounts are integer centavos (JS integers, checked to stay exact);
// prices and quantities are exact decimals (decimal.js with 60 significant digits, far more than any
// price × quantity needs, so products and sums are exact). The only rounding is `roundToCentavos`:
// once per report line, half to even (ABNT NBR 5891, the Brazilian rounding standard: a trailing
// exact half goes to the even centavo, so rounding errors do not drift in one direction).
import Decimal from "decimal.js";

export const Exact = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -30, toExpPos: 30 });
export type Exact = InstanceType<typeof Exact>;

/** Integer centavos. */
export type Centavos = number;

const DECIMAL_TEXT = /^-?(0|[1-9]\d*)(\.\d+)?$/;

export function exact(value: string | number): Exact {
  const text = String(value);
  if (!DECIMAL_TEXT.test(text)) throw new Error(`not a plain decimal: ${text}`);
  return new Exact(text);
}

/** Plain decimal text without exponent or trailing zeros: "0.0015", "1200". */
export function decimalText(value: Exact): string {
  return value.toFixed();
}

export function assertCentavos(value: number): Centavos {
  if (!Number.isSafeInteger(value)) throw new Error(`not an exact integer amount of centavos: ${value}`);
  return value;
}

/** Reais (exact) → centavos, rounding half to even. The single rounding step of billing. */
export function roundToCentavos(reais: Exact): Centavos {
  return assertCentavos(reais.times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).toNumber());
}

export function sumCentavos(values: readonly Centavos[]): Centavos {
  return assertCentavos(values.reduce((a, b) => a + b, 0));
}

/** "2351.85" for 235185: exact, for CSV and JSON exports. */
export function centavosText(value: Centavos): string {
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(value);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** "R$ 2.351,85" in pt-BR, "R$2,351.85" in English: Intl over exact integers (no float division). */
export function formatBrl(value: Centavos, locale: "pt-BR" | "en" = "pt-BR"): string {
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(value);
  const reais = new Intl.NumberFormat(locale === "pt-BR" ? "pt-BR" : "en-US").format(Math.floor(abs / 100));
  const cents = String(abs % 100).padStart(2, "0");
  return locale === "pt-BR" ? `${sign}R$ ${reais},${cents}` : `${sign}R$${reais}.${cents}`;
}
