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

// Display and export formatting live in @opus/rules/brl (shared with the console).
export { centavosText, formatBrl } from "@opus/rules/brl";
