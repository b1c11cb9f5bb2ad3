// Reads an X.509 certificate into the plain fields the control plane stores and checks. The only
// module that touches @peculiar/x509 for parsing; certificate.ts owns the rules.
import "reflect-metadata"; // must precede @peculiar/x509: its tsyringe container needs Reflect metadata
import { createHash } from "node:crypto";
import { normalizeCnpj } from "@opus/rules/cnpj";
import * as x509 from "@peculiar/x509";

export type KeyUsageName =
  | "digitalSignature"
  | "nonRepudiation"
  | "keyEncipherment"
  | "dataEncipherment"
  | "keyAgreement"
  | "keyCertSign"
  | "cRLSign";
export type KeyUsage = Record<KeyUsageName, boolean>;

export type ParsedCertificate = {
  /** The certificate alone, re-encoded as clean PEM: store this, never the pasted text. */
  pem: string;
  subject: string;
  issuer: string;
  /** Lower-case hex, as x509 tools print it without colons. */
  serialNumber: string;
  /** SHA-256 of the DER, lower-case hex without colons (64 characters). */
  fingerprintSha256: string;
  notBefore: Date;
  notAfter: Date;
  organizationIdentifier: string | null;
  /** The subject serialNumber, normalised like a CNPJ (it is one in Open Finance certificates). */
  subjectCnpj: string | null;
  softwareStatementId: string | null;
  /** All false when the certificate has no key usage extension. */
  keyUsage: KeyUsage;
  /** Names for the well-known purposes ("clientAuth", "serverAuth", …), dotted OIDs otherwise. */
  extendedKeyUsage: string[];
};

const OID = { organizationIdentifier: "2.5.4.97", serialNumber: "2.5.4.5", UID: "0.9.2342.19200300.100.1.1" } as const;
// Printed by name in subject/issuer strings instead of bare OIDs.
const EXTRA_NAMES = { ...OID, businessCategory: "2.5.4.15", jurisdictionC: "1.3.6.1.4.1.311.60.2.1.3" };
const EKU_NAMES = new Map(Object.entries(x509.ExtendedKeyUsage).map(([name, oid]) => [oid as string, name]));

const first = (name: x509.Name, oid: string): string | null => name.getField(oid)[0] ?? null;

/** Throws whatever the ASN.1 parser throws on malformed input; callers turn that into a message. */
export function describeCertificate(der: Uint8Array<ArrayBuffer>): ParsedCertificate {
  const cert = new x509.X509Certificate(der);
  const usages = cert.getExtension(x509.KeyUsagesExtension)?.usages ?? 0;
  const has = (flag: x509.KeyUsageFlags) => (usages & flag) === flag;
  const serial = first(cert.subjectName, OID.serialNumber);
  const eku = cert.getExtension(x509.ExtendedKeyUsageExtension)?.usages ?? [];
  return {
    pem: cert.toString("pem"),
    subject: new x509.Name(cert.subjectName.toArrayBuffer(), EXTRA_NAMES).toString(),
    issuer: new x509.Name(cert.issuerName.toArrayBuffer(), EXTRA_NAMES).toString(),
    serialNumber: cert.serialNumber.toLowerCase(),
    fingerprintSha256: createHash("sha256").update(der).digest("hex"),
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    organizationIdentifier: first(cert.subjectName, OID.organizationIdentifier),
    subjectCnpj: serial === null ? null : normalizeCnpj(serial),
    softwareStatementId: first(cert.subjectName, OID.UID),
    keyUsage: {
      digitalSignature: has(x509.KeyUsageFlags.digitalSignature),
      nonRepudiation: has(x509.KeyUsageFlags.nonRepudiation),
      keyEncipherment: has(x509.KeyUsageFlags.keyEncipherment),
      dataEncipherment: has(x509.KeyUsageFlags.dataEncipherment),
      keyAgreement: has(x509.KeyUsageFlags.keyAgreement),
      keyCertSign: has(x509.KeyUsageFlags.keyCertSign),
      cRLSign: has(x509.KeyUsageFlags.cRLSign),
    },
    extendedKeyUsage: eku.map((oid) => EKU_NAMES.get(String(oid)) ?? String(oid)),
  };
}
