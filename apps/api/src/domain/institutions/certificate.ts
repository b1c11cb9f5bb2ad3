// Public certificates an institution uploads for Open Finance Brasil (see docs: "Padrão de
// Certificados Open Finance Brasil"). BRCAC is the mutual-TLS client certificate: subject
// serialNumber = CNPJ, organizationIdentifier = "OFBBR-<OrganisationId>", UID = software statement
// id, extended key usage clientAuth. BRSEAL signs messages: key usage nonRepudiation.

import { formatCnpj, normalizeCnpj } from "@opus/rules/cnpj";
import type { CertificateKind } from "@opus/rules/enums";
import { AppError } from "../../errors/app-error.ts";
import { describeCertificate, type ParsedCertificate } from "./certificate-fields.ts";
import { badPem, extractSingleCertificateDer, UNREADABLE_CERTIFICATE_MESSAGE } from "./certificate-pem.ts";

export type { KeyUsage, ParsedCertificate } from "./certificate-fields.ts";

/** Parses the one public certificate in `pem`; throws AppError BAD_INPUT for keys, chains, garbage. */
export function parseCertificatePem(pem: string): ParsedCertificate {
  const der = extractSingleCertificateDer(pem);
  try {
    // x509 parses parts of the certificate lazily, so reading every field stays inside the try.
    return describeCertificate(der);
  } catch (cause) {
    const message = UNREADABLE_CERTIFICATE_MESSAGE;
    throw new AppError("BAD_INPUT", message, { fields: { pem: message }, reason: { code: "CERTIFICATE_UNREADABLE" }, cause });
  }
}

export type InstitutionCertificateInput = {
  pem: string;
  kind: CertificateKind;
  institution: { cnpj: string | null; organisationId: string | null };
  now: Date;
};

/**
 * Parses and checks a certificate against the institution it is uploaded for; returns the parsed
 * certificate or throws AppError BAD_INPUT (field "pem"), or PRECONDITION_FAILED when the institution
 * has no CNPJ/OrganisationId yet. Checks run from the most to the least alarming: key material,
 * readability, whose certificate it is, validity, then purpose.
 * A certificate not yet valid (notBefore in the future) is accepted: renewals are uploaded early.
 * Both kinds are checked for organisation and CNPJ; the UID is recorded, not checked.
 */
export function checkInstitutionCertificate({ pem, kind, institution, now }: InstitutionCertificateInput): ParsedCertificate {
  const cert = parseCertificatePem(pem); // first: a pasted private key is refused whatever else is wrong
  const { cnpj, organisationId } = institution;
  if (!cnpj || !organisationId) {
    const message = "Record the institution's CNPJ and Open Finance Directory OrganisationId before uploading certificates.";
    throw new AppError("PRECONDITION_FAILED", message, { reason: { code: "CERTIFICATE_IDENTITY_MISSING" } });
  }
  const expectedOrg = `OFBBR-${organisationId}`;
  if (cert.organizationIdentifier?.toLowerCase() !== expectedOrg.toLowerCase()) {
    const found = cert.organizationIdentifier ? `"${cert.organizationIdentifier}"` : "no organizationIdentifier";
    throw badPem(
      { code: "CERTIFICATE_OTHER_ORGANISATION", found: cert.organizationIdentifier ?? null, expected: expectedOrg },
      `This certificate belongs to another organisation: its subject has ${found}, but this institution's is "${expectedOrg}".`,
    );
  }
  if (cert.subjectCnpj !== normalizeCnpj(cnpj)) {
    const found = cert.subjectCnpj ? `CNPJ ${formatCnpj(cert.subjectCnpj)}` : "no CNPJ (serialNumber)";
    throw badPem(
      { code: "CERTIFICATE_CNPJ_MISMATCH", found: cert.subjectCnpj ? formatCnpj(cert.subjectCnpj) : null, expected: formatCnpj(cnpj) },
      `This certificate was issued to ${found}, not to this institution's CNPJ ${formatCnpj(cnpj)}.`,
    );
  }
  if (cert.notAfter.getTime() < now.getTime()) {
    const date = cert.notAfter.toISOString().slice(0, 10);
    throw badPem({ code: "CERTIFICATE_EXPIRED", date }, `This certificate expired on ${date}: upload the renewed certificate.`);
  }
  if (kind === "BRCAC" && !cert.extendedKeyUsage.includes("clientAuth")) {
    throw badPem(
      { code: "CERTIFICATE_NOT_CLIENT_AUTH" },
      "A BRCAC transport certificate must allow TLS client authentication (extended key usage clientAuth), " +
        "and this one does not. Is it the BRSEAL signing certificate?",
    );
  }
  if (kind === "BRSEAL" && !cert.keyUsage.nonRepudiation) {
    throw badPem(
      { code: "CERTIFICATE_NOT_NON_REPUDIATION" },
      "A BRSEAL signing certificate must have the nonRepudiation key usage, and this one does not. " +
        "Is it the BRCAC transport certificate?",
    );
  }
  return cert;
}

export type ExpiryWarning = null | "30-days" | "7-days" | "expired";

const DAY_MS = 24 * 60 * 60 * 1000;

/** "expired" once notAfter is past; "7-days"/"30-days" when at most that much time is left (inclusive). */
export function expiryWarning(notAfter: Date, now: Date): ExpiryWarning {
  const left = notAfter.getTime() - now.getTime();
  if (left < 0) return "expired";
  if (left <= 7 * DAY_MS) return "7-days";
  if (left <= 30 * DAY_MS) return "30-days";
  return null;
}
