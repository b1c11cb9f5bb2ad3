// Screens pasted PEM text before anything parses it: private keys are refused outright, and
// exactly one CERTIFICATE block must be present. Kept apart from the X.509 parsing so the
// "never accept a private key" rule is readable in one place.
import type { CertificateRefusal } from "@opus/rules/certificate-refusals";
import { AppError } from "../../errors/app-error.ts";

export const PRIVATE_KEY_MESSAGE = "Private keys must never be uploaded: paste only the public certificate (-----BEGIN CERTIFICATE-----)";
export const NO_CERTIFICATE_MESSAGE =
  "No certificate found: paste the public certificate in PEM form, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.";
export const UNREADABLE_CERTIFICATE_MESSAGE =
  "The certificate could not be read: the text between BEGIN CERTIFICATE and END CERTIFICATE is not a valid X.509 certificate.";

export const multipleCertificatesMessage = (count: number): string =>
  `Paste exactly one certificate: this text contains ${count}. Upload the institution's own certificate without its CA chain.`;

export const otherBlockMessage = (label: string): string =>
  `Only a public certificate is accepted, but this text also contains a "${label}" block. Remove it and paste only the certificate.`;

/** The input field every certificate error is reported on. */
const FIELD = "pem";

/** A refusal of the pasted certificate: the English sentence, and the code the console words. */
export function badPem(reason: CertificateRefusal, message: string): AppError {
  return new AppError("BAD_INPUT", message, { fields: { [FIELD]: message }, reason });
}

/**
 * Returns the DER bytes of the one certificate in `text`, or throws AppError BAD_INPUT.
 *
 * Any mention of "PRIVATE KEY" (PKCS#8 "PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "RSA/EC/DSA/OPENSSH
 * PRIVATE KEY", in any letter case) is refused before any other check, even when a certificate is
 * also present: a cert+key bundle is the most common way a key gets uploaded by mistake, and the
 * person must learn that the key was refused, not silently dropped.
 *
 * Decision: a chain (several certificates) is refused rather than guessing which one is the
 * institution's; the message tells the person to upload the leaf alone.
 */
export function extractSingleCertificateDer(text: string): Uint8Array<ArrayBuffer> {
  if (/PRIVATE\s+KEY/i.test(text)) throw badPem({ code: "CERTIFICATE_PRIVATE_KEY" }, PRIVATE_KEY_MESSAGE);

  const labels = [...text.matchAll(/-----BEGIN ([^-\r\n]*)-----/g)].map((m) => m[1]?.trim() ?? "");
  const other = labels.find((label) => label !== "CERTIFICATE");
  if (other !== undefined) throw badPem({ code: "CERTIFICATE_OTHER_BLOCK", label: other }, otherBlockMessage(other));
  if (labels.length === 0) throw badPem({ code: "CERTIFICATE_MISSING" }, NO_CERTIFICATE_MESSAGE);
  if (labels.length > 1) {
    throw badPem({ code: "CERTIFICATE_CHAIN", count: labels.length }, multipleCertificatesMessage(labels.length));
  }

  const block = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(text);
  const body = block?.[1]?.replace(/\s+/g, "") ?? "";
  // Node's base64 decoder skips invalid characters silently, so the alphabet is checked first.
  if (body.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) {
    throw badPem({ code: "CERTIFICATE_UNREADABLE" }, UNREADABLE_CERTIFICATE_MESSAGE);
  }
  return new Uint8Array(Buffer.from(body, "base64"));
}
