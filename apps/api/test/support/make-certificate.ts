// Builds real, self-signed Open Finance Brasil-style certificates at test time, so the parser is
// tested against what @peculiar/x509 (and any CA) actually encodes, not against fixtures.
import "reflect-metadata"; // before @peculiar/x509
import { generateKeyPairSync, webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";

// Node 20 exposes WebCrypto globally, but set it explicitly so key generation never depends on globals.
x509.cryptoProvider.set(webcrypto);

const ALGORITHM = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" };

export const ORGANISATION_ID = "d7384bd0-842f-43c5-be02-9d2b2d5efc2c";
export const SOFTWARE_STATEMENT_ID = "bc97b8f0-cae0-4f2f-9978-d93f0e56a833";
export const CNPJ = "11222333000181";

export type MakeCertificateOptions = {
  kind?: "BRCAC" | "BRSEAL";
  /** null leaves the attribute out of the subject. */
  cnpj?: string | null;
  organisationId?: string | null;
  softwareStatementId?: string | null;
  notBefore?: Date;
  notAfter?: Date;
  serialNumber?: string;
  /** Overrides the kind's key usage flags / extended key usages. */
  keyUsages?: x509.KeyUsageFlags;
  extendedKeyUsages?: string[];
};

export type MadeCertificate = { pem: string; der: Uint8Array; privateKeyPem: string };

/**
 * BRCAC: digitalSignature + keyEncipherment, EKU clientAuth, subject with UID.
 * BRSEAL: digitalSignature + nonRepudiation, no EKU, no UID.
 */
export async function makeCertificate(options: MakeCertificateOptions = {}): Promise<MadeCertificate> {
  const kind = options.kind ?? "BRCAC";
  const cnpj = options.cnpj === undefined ? CNPJ : options.cnpj;
  const organisationId = options.organisationId === undefined ? ORGANISATION_ID : options.organisationId;
  const ssid = options.softwareStatementId === undefined ? SOFTWARE_STATEMENT_ID : options.softwareStatementId;
  const F = x509.KeyUsageFlags;
  const keyUsages =
    options.keyUsages ?? (kind === "BRCAC" ? F.digitalSignature | F.keyEncipherment : F.digitalSignature | F.nonRepudiation);
  const ekus = options.extendedKeyUsages ?? (kind === "BRCAC" ? [x509.ExtendedKeyUsage.clientAuth] : []);

  // The RDN order of the Open Finance Brasil subject DN pattern (businessCategory, jurisdictionC, …).
  const name: x509.JsonName = [
    { C: ["BR"] },
    { O: ["Banco Exemplo S.A."] },
    { "2.5.4.15": ["Private Organization"] },
    { "1.3.6.1.4.1.311.60.2.1.3": ["BR"] },
  ];
  if (cnpj !== null) name.push({ "2.5.4.5": [cnpj] });
  if (organisationId !== null) name.push({ "2.5.4.97": [`OFBBR-${organisationId}`] });
  if (kind === "BRCAC" && ssid !== null) name.push({ "0.9.2342.19200300.100.1.1": [ssid] });
  name.push({ CN: [kind === "BRCAC" ? "api.banco-exemplo.com.br" : "Banco Exemplo S.A."] });

  const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ["sign", "verify"])) as webcrypto.CryptoKeyPair;
  const extensions: x509.Extension[] = [new x509.KeyUsagesExtension(keyUsages, true)];
  if (ekus.length > 0) extensions.push(new x509.ExtendedKeyUsageExtension(ekus));

  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: options.serialNumber ?? "0a1b2c3d4e5f",
    name,
    notBefore: options.notBefore ?? new Date("2026-01-01T00:00:00Z"),
    notAfter: options.notAfter ?? new Date("2027-06-30T23:59:59Z"),
    keys,
    signingAlgorithm: ALGORITHM,
    extensions,
  });
  const pkcs8 = await webcrypto.subtle.exportKey("pkcs8", keys.privateKey);
  return {
    pem: cert.toString("pem"),
    der: new Uint8Array(cert.rawData),
    privateKeyPem: x509.PemConverter.encode(pkcs8, "PRIVATE KEY"),
  };
}

/** Private keys in every PEM form people paste by mistake, made by Node the way openssl would. */
export function makePrivateKeyPems(): Record<"pkcs8" | "encryptedPkcs8" | "rsaPkcs1" | "ecSec1", string> {
  const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    pkcs8: ec.privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
    encryptedPkcs8: ec.privateKey.export({ format: "pem", type: "pkcs8", cipher: "aes-256-cbc", passphrase: "correct horse" }).toString(),
    rsaPkcs1: rsa.privateKey.export({ format: "pem", type: "pkcs1" }).toString(),
    ecSec1: ec.privateKey.export({ format: "pem", type: "sec1" }).toString(),
  };
}
