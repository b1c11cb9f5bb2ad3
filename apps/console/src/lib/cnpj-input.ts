// The CNPJ as people type it. Since July 2026 the first 12 characters may be letters (the
// "alphanumeric CNPJ"); each character is valued as its code minus 48 and the two check digits
// are computed modulo 11, exactly as the API checks it (the API stays the authority).

export type CnpjProblem = "length" | "characters" | "allSame" | "checkDigits";

const FIRST_WEIGHTS = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const SECOND_WEIGHTS = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

function checkDigit(chars: string, weights: readonly number[]): number {
  const sum = weights.reduce((total, weight, i) => total + (chars.charCodeAt(i) - 48) * weight, 0);
  const remainder = sum % 11;
  return remainder < 2 ? 0 : 11 - remainder;
}

/** The two check digits of a 12-character base ("12ABC34501DE" → "35"). */
export function cnpjCheckDigits(base: string): string {
  const first = checkDigit(base, FIRST_WEIGHTS);
  return `${first}${checkDigit(`${base}${first}`, SECOND_WEIGHTS)}`;
}

/** Letters and digits only, upper-cased: what is stored and compared. */
export function normalizeCnpj(input: string): string {
  return input.replace(/[./\-\s]/g, "").toUpperCase();
}

/** Formats while typing: "12abc345" → "12.ABC.345"; drops characters a CNPJ cannot contain. */
export function maskCnpj(input: string): string {
  const value = input
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, "")
    .slice(0, 14);
  const parts = [value.slice(0, 2), value.slice(2, 5), value.slice(5, 8)].filter(Boolean).join(".");
  const branch = value.length > 8 ? `/${value.slice(8, 12)}` : "";
  const digits = value.length > 12 ? `-${value.slice(12)}` : "";
  return `${parts}${branch}${digits}`;
}

/** The first problem a person would fix, or null for a valid CNPJ. */
export function cnpjProblem(input: string): CnpjProblem | null {
  const stripped = input.replace(/[./\-\s]/g, "");
  if (!/^[0-9A-Za-z]*$/.test(stripped)) return "characters";
  const value = stripped.toUpperCase();
  if (value.length !== 14) return "length";
  if (!/^[0-9]{2}$/.test(value.slice(12))) return "characters";
  if (/^(.)\1*$/.test(value)) return "allSame";
  return cnpjCheckDigits(value.slice(0, 12)) === value.slice(12) ? null : "checkDigits";
}
