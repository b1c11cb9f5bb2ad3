// Why a certificate upload is refused, as codes with the values they name. The API sends the code
// with every refusal (AppError `reason`); the console words each code in the person's language
// and never reads the API's English sentence. A new refusal is added here first: the console's
// table is keyed by this union and does not type-check until the new code is worded.

export type CertificateRefusal =
  /** A private key was pasted (alone or with the certificate). */
  | { code: "CERTIFICATE_PRIVATE_KEY" }
  /** A PEM block other than CERTIFICATE (a CSR, parameters…). */
  | { code: "CERTIFICATE_OTHER_BLOCK"; label: string }
  | { code: "CERTIFICATE_MISSING" }
  /** Several certificates (a chain). */
  | { code: "CERTIFICATE_CHAIN"; count: number }
  | { code: "CERTIFICATE_UNREADABLE" }
  /** The institution has no CNPJ or OrganisationId to check the certificate against. */
  | { code: "CERTIFICATE_IDENTITY_MISSING" }
  /** `found` is null when the subject has no organizationIdentifier. */
  | { code: "CERTIFICATE_OTHER_ORGANISATION"; found: string | null; expected: string }
  /** CNPJs in display form; `found` null when the subject has no serialNumber. */
  | { code: "CERTIFICATE_CNPJ_MISMATCH"; found: string | null; expected: string }
  /** `date` is the notAfter day, YYYY-MM-DD (UTC). */
  | { code: "CERTIFICATE_EXPIRED"; date: string }
  | { code: "CERTIFICATE_NOT_CLIENT_AUTH" }
  | { code: "CERTIFICATE_NOT_NON_REPUDIATION" }
  | { code: "CERTIFICATE_DUPLICATE" };

export type CertificateRefusalCode = CertificateRefusal["code"];

/** Every code, for the catalogue test (each needs a sentence in both languages). */
export const CERTIFICATE_REFUSAL_CODES = [
  "CERTIFICATE_PRIVATE_KEY",
  "CERTIFICATE_OTHER_BLOCK",
  "CERTIFICATE_MISSING",
  "CERTIFICATE_CHAIN",
  "CERTIFICATE_UNREADABLE",
  "CERTIFICATE_IDENTITY_MISSING",
  "CERTIFICATE_OTHER_ORGANISATION",
  "CERTIFICATE_CNPJ_MISMATCH",
  "CERTIFICATE_EXPIRED",
  "CERTIFICATE_NOT_CLIENT_AUTH",
  "CERTIFICATE_NOT_NON_REPUDIATION",
  "CERTIFICATE_DUPLICATE",
] as const satisfies readonly CertificateRefusalCode[];

// Fails to compile when a code of the union is missing from the list.
type Missing = Exclude<CertificateRefusalCode, (typeof CERTIFICATE_REFUSAL_CODES)[number]>;
const _everyCodeListed: [Missing] extends [never] ? true : Missing = true;
void _everyCodeListed;

export function isCertificateRefusal(value: unknown): value is CertificateRefusal {
  const code = (value as { code?: unknown } | null)?.code;
  return typeof code === "string" && (CERTIFICATE_REFUSAL_CODES as readonly string[]).includes(code);
}
