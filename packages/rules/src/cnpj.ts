// CNPJ, the Brazilian company registration number, as the Receita Federal defines it today. The API
// validates with it and the console checks, formats and masks with it: one copy of the rule.
//
// 14 characters: a 12-character base, then 2 numeric check digits. Since July 2026 the base may
// hold upper-case letters as well as digits (the "alphanumeric CNPJ"); every character is valued
// as its character code minus 48, so digits keep their value ("7" → 7) and letters continue
// after them ("A" → 17, "Z" → 42). The check digits are computed modulo 11, so numeric CNPJs
// issued before 2026 stay valid unchanged.
//
// Decision on lower case: the Receita only issues upper-case letters, but "12abc34501de35" can
// only mean one CNPJ, so normalisation upper-cases and lower-case input is ACCEPTED. What is
// stored and compared is always the normalised form: 14 upper-case characters, no punctuation.

export type CnpjInvalidReason = "length" | "characters" | "all-same" | "check-digits";

export type CnpjValidation = { ok: true; value: string } | { ok: false; reason: CnpjInvalidReason };

/**
 * One English message per reason, for the API's errors. The console shows its own catalogue's
 * words, which say the same in English (apps/console/test/rule-wording.test.ts compares them).
 */
export const CNPJ_MESSAGES: Record<CnpjInvalidReason, string> = {
  length: "A CNPJ has 14 characters: 12 letters or digits followed by 2 check digits.",
  characters: "A CNPJ may contain only digits and the letters A to Z; the last two characters are always digits.",
  "all-same": "A CNPJ cannot be one character repeated 14 times.",
  "check-digits": "This CNPJ's check digits do not match: check it for a typing mistake.",
};

/** A CNPJ (or Directory OrganisationId) another institution already holds: a conflict, worded once. */
export const CNPJ_TAKEN_MESSAGE = "Another institution is already registered with this CNPJ.";
export const ORGANISATION_ID_TAKEN_MESSAGE = "Another institution already uses this OrganisationId.";

/** The longest typed form, "00.000.000/0000-00": what an input field may hold. */
export const CNPJ_MASKED_LENGTH = 18;

const FIRST_WEIGHTS = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] as const;
const SECOND_WEIGHTS = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] as const;
const PUNCTUATION = /[./\-\s]/g;
const NORMALISED = /^[0-9A-Z]{12}[0-9]{2}$/;

/** Removes the usual punctuation (`.`, `/`, `-`) and any whitespace, then upper-cases. Nothing else is removed. */
export function normalizeCnpj(input: string): string {
  return stripPunctuation(input).toUpperCase();
}

function stripPunctuation(input: string): string {
  return input.replace(PUNCTUATION, "");
}

function checkDigit(chars: string, weights: readonly number[]): number {
  let sum = 0;
  weights.forEach((weight, i) => {
    sum += (chars.charCodeAt(i) - 48) * weight;
  });
  const remainder = sum % 11;
  return remainder < 2 ? 0 : 11 - remainder;
}

/** The two check digits for a 12-character base (upper-case letters or digits), e.g. "12ABC34501DE" → "35". */
export function computeCnpjCheckDigits(base: string): string {
  const first = checkDigit(base, FIRST_WEIGHTS);
  const second = checkDigit(`${base}${first}`, SECOND_WEIGHTS);
  return `${first}${second}`;
}

/**
 * Validates after normalising. Checks run in this order, so the reason names the first problem
 * a person would fix: stray characters, then length, then letters in the check-digit positions,
 * then one repeated character (00000000000000 passes the arithmetic but is not a CNPJ), then
 * the check digits themselves.
 */
export function validateCnpj(input: string): CnpjValidation {
  // Checked before upper-casing: "ı" and "ſ" upper-case to the ASCII "I" and "S" and must not sneak in.
  const stripped = stripPunctuation(input);
  if (!/^[0-9A-Za-z]*$/.test(stripped)) return { ok: false, reason: "characters" };
  const value = stripped.toUpperCase();
  if (value.length !== 14) return { ok: false, reason: "length" };
  if (!/^[0-9]{2}$/.test(value.slice(12))) return { ok: false, reason: "characters" };
  if (/^(.)\1*$/.test(value)) return { ok: false, reason: "all-same" };
  if (computeCnpjCheckDigits(value.slice(0, 12)) !== value.slice(12)) return { ok: false, reason: "check-digits" };
  return { ok: true, value };
}

/**
 * Display form `00.000.000/0000-00` (e.g. `12.ABC.345/01DE-35`). A display helper that never
 * throws: it normalises first and returns the input unchanged when it does not have a CNPJ's
 * shape (12 letters or digits, then 2 digits), so odd stored text is shown as it is.
 */
export function formatCnpj(cnpj: string): string {
  const value = normalizeCnpj(cnpj);
  if (!NORMALISED.test(value)) return cnpj;
  return `${value.slice(0, 2)}.${value.slice(2, 5)}.${value.slice(5, 8)}/${value.slice(8, 12)}-${value.slice(12)}`;
}

/**
 * Formats while typing: "12abc345" → "12.ABC.345". Keeps only letters and digits (at most 14) and
 * adds punctuation as the groups fill, so pasting any variant gives the display form.
 */
export function maskCnpj(input: string): string {
  // Filtered before upper-casing, as in validateCnpj: "ı" and "ß" upper-case to ASCII letters.
  const value = input
    .replace(/[^0-9A-Za-z]/g, "")
    .toUpperCase()
    .slice(0, 14);
  const groups = [value.slice(0, 2), value.slice(2, 5), value.slice(5, 8)].filter(Boolean).join(".");
  const branch = value.length > 8 ? `/${value.slice(8, 12)}` : "";
  const digits = value.length > 12 ? `-${value.slice(12)}` : "";
  return `${groups}${branch}${digits}`;
}
