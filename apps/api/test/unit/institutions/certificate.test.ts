import { createHash, generateKeyPairSync, X509Certificate as NodeX509Certificate } from "node:crypto";
import type { CertificateKind } from "@opus/rules/enums";
import type * as x509 from "@peculiar/x509";
import { beforeAll, describe, expect, it } from "vitest";
import {
  checkInstitutionCertificate,
  expiryWarning,
  type InstitutionCertificateInput,
  parseCertificatePem,
} from "../../../src/domain/institutions/certificate.ts";
import {
  multipleCertificatesMessage,
  NO_CERTIFICATE_MESSAGE,
  otherBlockMessage,
  PRIVATE_KEY_MESSAGE,
  UNREADABLE_CERTIFICATE_MESSAGE,
} from "../../../src/domain/institutions/certificate-pem.ts";
import {
  CNPJ,
  type MadeCertificate,
  makeCertificate,
  makePrivateKeyPems,
  ORGANISATION_ID,
  SOFTWARE_STATEMENT_ID,
} from "../../support/make-certificate.ts";
import { catchAppError } from "./catch-app-error.ts";

const NOW = new Date("2026-11-22T12:00:00Z");
const INSTITUTION = { cnpj: CNPJ, organisationId: ORGANISATION_ID };

let brcac: MadeCertificate;
let brseal: MadeCertificate;
let keys: ReturnType<typeof makePrivateKeyPems>;

beforeAll(async () => {
  brcac = await makeCertificate({ kind: "BRCAC" });
  brseal = await makeCertificate({ kind: "BRSEAL" });
  keys = makePrivateKeyPems();
});

function check(pem: string, kind: CertificateKind = "BRCAC", institution: InstitutionCertificateInput["institution"] = INSTITUTION) {
  return checkInstitutionCertificate({ pem, kind, institution, now: NOW });
}

/** The error a bad paste must produce: BAD_INPUT, reported on the "pem" field, with `message`. */
function expectRefused(fn: () => unknown, message: string | RegExp) {
  const error = catchAppError(fn);
  expect(error.code).toBe("BAD_INPUT");
  if (typeof message === "string") expect(error.message).toBe(message);
  else expect(error.message).toMatch(message);
  expect(error.fields).toEqual({ pem: error.message });
}

describe("parseCertificatePem", () => {
  it("reads every field of a BRCAC certificate, agreeing with Node's own X.509 parser", () => {
    const parsed = parseCertificatePem(brcac.pem);
    const node = new NodeX509Certificate(brcac.pem);

    expect(parsed.fingerprintSha256).toBe(node.fingerprint256.replaceAll(":", "").toLowerCase());
    expect(parsed.fingerprintSha256).toBe(createHash("sha256").update(brcac.der).digest("hex"));
    expect(parsed.serialNumber).toBe("0a1b2c3d4e5f");
    expect(parsed.serialNumber).toBe(node.serialNumber.toLowerCase());
    expect(parsed.notBefore.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(parsed.notAfter.toISOString()).toBe("2027-06-30T23:59:59.000Z");
    expect(parsed.organizationIdentifier).toBe(`OFBBR-${ORGANISATION_ID}`);
    expect(parsed.subjectCnpj).toBe(CNPJ);
    expect(parsed.softwareStatementId).toBe(SOFTWARE_STATEMENT_ID);
    expect(parsed.extendedKeyUsage).toEqual(["clientAuth"]);
    expect(parsed.keyUsage).toEqual({
      digitalSignature: true,
      nonRepudiation: false,
      keyEncipherment: true,
      dataEncipherment: false,
      keyAgreement: false,
      keyCertSign: false,
      cRLSign: false,
    });
    expect(parsed.subject).toBe(
      "C=BR, O=Banco Exemplo S.A., businessCategory=Private Organization, jurisdictionC=BR, " +
        `serialNumber=${CNPJ}, organizationIdentifier=OFBBR-${ORGANISATION_ID}, UID=${SOFTWARE_STATEMENT_ID}, ` +
        "CN=api.banco-exemplo.com.br",
    );
    expect(parsed.issuer).toBe(parsed.subject); // self-signed
    expect(parsed.pem).toBe(brcac.pem.trim());
  });

  it("reads a BRSEAL certificate: nonRepudiation, no EKU, no UID", () => {
    const parsed = parseCertificatePem(brseal.pem);
    expect(parsed.keyUsage.nonRepudiation).toBe(true);
    expect(parsed.keyUsage.digitalSignature).toBe(true);
    expect(parsed.extendedKeyUsage).toEqual([]);
    expect(parsed.softwareStatementId).toBeNull();
  });

  it("reports missing attributes and extensions as null / empty / all false", async () => {
    const bare = await makeCertificate({
      cnpj: null,
      organisationId: null,
      softwareStatementId: null,
      keyUsages: 0 as x509.KeyUsageFlags,
      extendedKeyUsages: [],
    });
    const parsed = parseCertificatePem(bare.pem);
    expect(parsed.subjectCnpj).toBeNull();
    expect(parsed.organizationIdentifier).toBeNull();
    expect(parsed.softwareStatementId).toBeNull();
    expect(parsed.extendedKeyUsage).toEqual([]);
    expect(Object.values(parsed.keyUsage).every((flag) => flag === false)).toBe(true);
  });

  it("names well-known EKUs and keeps unknown ones as OIDs", async () => {
    const made = await makeCertificate({ extendedKeyUsages: ["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2", "1.2.3.4.5"] });
    expect(parseCertificatePem(made.pem).extendedKeyUsage).toEqual(["serverAuth", "clientAuth", "1.2.3.4.5"]);
  });

  it("accepts the certificate inside surrounding text, CRLF line endings and indentation, and returns clean PEM", () => {
    const messy = `Bag Attributes\r\n    friendlyName: brcac\r\n${brcac.pem.replaceAll("\n", "\r\n  ")}\r\n\r\n`;
    const parsed = parseCertificatePem(messy);
    expect(parsed.fingerprintSha256).toBe(parseCertificatePem(brcac.pem).fingerprintSha256);
    expect(parsed.pem).toBe(brcac.pem.trim());
    expect(parsed.pem).not.toContain("Bag Attributes");
  });

  it("normalises a punctuated CNPJ in the subject serialNumber", async () => {
    const made = await makeCertificate({ cnpj: "11.222.333/0001-81" });
    expect(parseCertificatePem(made.pem).subjectCnpj).toBe(CNPJ);
  });
});

describe("private keys are refused", () => {
  const pkcs8Cases = () => ({
    "a PKCS#8 key alone": brcac.privateKeyPem,
    "a bundle: certificate then key": `${brcac.pem}\n${brcac.privateKeyPem}`,
    "a bundle: key then certificate": `${brcac.privateKeyPem}\n${brcac.pem}`,
    "an ENCRYPTED PRIVATE KEY": keys.encryptedPkcs8,
    "an RSA PRIVATE KEY (PKCS#1)": keys.rsaPkcs1,
    "an EC PRIVATE KEY (SEC1)": keys.ecSec1,
    "a Node PKCS#8 key with the certificate": `${keys.pkcs8}${brseal.pem}`,
    "a header typed in lower case": `-----begin private key-----\n${brcac.privateKeyPem.split("\n")[1]}\n-----end private key-----`,
    "an OpenSSH key header": "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----",
  });

  it("really generated the key formats it claims to test", () => {
    expect(keys.encryptedPkcs8).toContain("-----BEGIN ENCRYPTED PRIVATE KEY-----");
    expect(keys.rsaPkcs1).toContain("-----BEGIN RSA PRIVATE KEY-----");
    expect(keys.ecSec1).toContain("-----BEGIN EC PRIVATE KEY-----");
    expect(brcac.privateKeyPem).toContain("-----BEGIN PRIVATE KEY-----");
  });

  it("by parseCertificatePem and checkInstitutionCertificate, for every form", () => {
    for (const [name, pem] of Object.entries(pkcs8Cases())) {
      expect.soft(() => parseCertificatePem(pem), name).toThrow(PRIVATE_KEY_MESSAGE);
      expectRefused(() => check(pem), PRIVATE_KEY_MESSAGE);
      expectRefused(() => check(pem, "BRSEAL"), PRIVATE_KEY_MESSAGE);
    }
  });

  it("with the exact message the console shows", () => {
    expect(PRIVATE_KEY_MESSAGE).toBe(
      "Private keys must never be uploaded: paste only the public certificate (-----BEGIN CERTIFICATE-----)",
    );
  });
});

describe("text that is not exactly one certificate is refused", () => {
  it.each([
    ["empty text", ""],
    ["garbage", "hello, this is my certificate"],
    ["a fingerprint", "AB:CD:EF:01:23"],
  ])("%s: no certificate found", (_name, pem) => {
    expectRefused(() => parseCertificatePem(pem), NO_CERTIFICATE_MESSAGE);
  });

  it("non-base64 garbage between the markers is unreadable", () => {
    expectRefused(
      () => parseCertificatePem("-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----"),
      UNREADABLE_CERTIFICATE_MESSAGE,
    );
  });

  it("valid base64 that is not a certificate is unreadable", () => {
    const pem = `-----BEGIN CERTIFICATE-----\n${Buffer.from("just some words").toString("base64")}\n-----END CERTIFICATE-----`;
    expectRefused(() => parseCertificatePem(pem), UNREADABLE_CERTIFICATE_MESSAGE);
  });

  it("a truncated certificate is unreadable", () => {
    const lines = brcac.pem.trim().split("\n");
    const truncated = [...lines.slice(0, 4), lines.at(-1)].join("\n");
    expectRefused(() => parseCertificatePem(truncated), UNREADABLE_CERTIFICATE_MESSAGE);
  });

  it("a certificate without its END line is unreadable", () => {
    expectRefused(() => parseCertificatePem(brcac.pem.replace("-----END CERTIFICATE-----", "")), UNREADABLE_CERTIFICATE_MESSAGE);
  });

  it("two certificates (decision: refused, not guessed) name the count", () => {
    expectRefused(() => parseCertificatePem(`${brcac.pem}\n${brseal.pem}`), multipleCertificatesMessage(2));
    expectRefused(() => check(`${brcac.pem}${brcac.pem}${brseal.pem}`), /this text contains 3\./);
  });

  it("a public key or a certificate request block is named and refused", () => {
    const publicKey = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ format: "pem", type: "spki" }).toString();
    expectRefused(() => parseCertificatePem(`${brcac.pem}${publicKey}`), otherBlockMessage("PUBLIC KEY"));
    const csr = "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----";
    expectRefused(() => parseCertificatePem(csr), otherBlockMessage("CERTIFICATE REQUEST"));
  });
});

describe("checkInstitutionCertificate", () => {
  it("accepts a good BRCAC and returns what to store", () => {
    const result = check(brcac.pem, "BRCAC");
    expect(result.subjectCnpj).toBe(CNPJ);
    expect(result.fingerprintSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("accepts a good BRSEAL", () => {
    expect(check(brseal.pem, "BRSEAL").keyUsage.nonRepudiation).toBe(true);
  });

  it("compares the OrganisationId case-insensitively and the CNPJ in normalised form", () => {
    const institution = { cnpj: "11.222.333/0001-81", organisationId: ORGANISATION_ID.toUpperCase() };
    expect(check(brcac.pem, "BRCAC", institution).organizationIdentifier).toBe(`OFBBR-${ORGANISATION_ID}`);
  });

  it("accepts an alphanumeric CNPJ", async () => {
    const made = await makeCertificate({ cnpj: "12ABC34501DE35" });
    expect(check(made.pem, "BRCAC", { cnpj: "12.abc.345/01de-35", organisationId: ORGANISATION_ID }).subjectCnpj).toBe("12ABC34501DE35");
  });

  it("refuses another organisation's certificate", async () => {
    const other = await makeCertificate({ organisationId: "00000000-1111-2222-3333-444444444444" });
    expectRefused(
      () => check(other.pem),
      `This certificate belongs to another organisation: its subject has "OFBBR-00000000-1111-2222-3333-444444444444", but this institution's is "OFBBR-${ORGANISATION_ID}".`,
    );
  });

  it("refuses a certificate with no organizationIdentifier", async () => {
    const other = await makeCertificate({ organisationId: null });
    expectRefused(() => check(other.pem), /its subject has no organizationIdentifier/);
  });

  it("refuses a certificate issued to another CNPJ, showing both formatted", async () => {
    const other = await makeCertificate({ cnpj: "44555666000181" });
    expectRefused(
      () => check(other.pem),
      "This certificate was issued to CNPJ 44.555.666/0001-81, not to this institution's CNPJ 11.222.333/0001-81.",
    );
  });

  it("refuses a certificate with no CNPJ in its subject", async () => {
    const other = await makeCertificate({ cnpj: null });
    expectRefused(() => check(other.pem), /issued to no CNPJ \(serialNumber\)/);
  });

  it("refuses an expired certificate, naming the date", async () => {
    const expired = await makeCertificate({ notBefore: new Date("2024-01-01T00:00:00Z"), notAfter: new Date("2025-01-01T00:00:00Z") });
    expectRefused(() => check(expired.pem), "This certificate expired on 2025-01-01: upload the renewed certificate.");
  });

  it("accepts a certificate whose last valid second is now, and one not valid yet (an early renewal)", async () => {
    const lastSecond = await makeCertificate({ notAfter: NOW });
    expect(check(lastSecond.pem).notAfter).toEqual(NOW);
    const future = await makeCertificate({ notBefore: new Date("2027-01-01T00:00:00Z"), notAfter: new Date("2028-01-01T00:00:00Z") });
    expect(check(future.pem).notBefore.toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });

  it("refuses a BRSEAL uploaded as BRCAC (no clientAuth)", () => {
    expectRefused(() => check(brseal.pem, "BRCAC"), /BRCAC transport certificate must allow TLS client authentication/);
  });

  it("refuses a BRCAC uploaded as BRSEAL (no nonRepudiation)", () => {
    expectRefused(() => check(brcac.pem, "BRSEAL"), /BRSEAL signing certificate must have the nonRepudiation key usage/);
  });

  it("checks whose certificate it is before its expiry", async () => {
    const expiredOther = await makeCertificate({
      cnpj: "44555666000181",
      notAfter: new Date("2025-01-01T00:00:00Z"),
      notBefore: new Date("2024-01-01T00:00:00Z"),
    });
    expectRefused(() => check(expiredOther.pem), /issued to CNPJ 44\.555\.666\/0001-81/);
  });

  it("asks for the CNPJ and OrganisationId first when the institution lacks them", () => {
    for (const institution of [
      { cnpj: null, organisationId: ORGANISATION_ID },
      { cnpj: CNPJ, organisationId: null },
    ]) {
      const error = catchAppError(() => check(brcac.pem, "BRCAC", institution));
      expect(error.code).toBe("PRECONDITION_FAILED");
      expect(error.message).toMatch(/Record the institution's CNPJ and Open Finance Directory OrganisationId/);
    }
  });

  it("refuses a pasted private key before asking for the institution's identifiers", () => {
    expectRefused(() => check(brcac.privateKeyPem, "BRCAC", { cnpj: null, organisationId: null }), PRIVATE_KEY_MESSAGE);
  });
});

describe("expiryWarning", () => {
  const DAY = 24 * 60 * 60 * 1000;
  const at = (ms: number) => new Date(NOW.getTime() + ms);

  it.each([
    ["a year left", at(365 * DAY), null],
    ["30 days and a second left", at(30 * DAY + 1000), null],
    ["exactly 30 days left", at(30 * DAY), "30-days"],
    ["8 days left", at(8 * DAY), "30-days"],
    ["7 days and a second left", at(7 * DAY + 1000), "30-days"],
    ["exactly 7 days left", at(7 * DAY), "7-days"],
    ["one hour left", at(60 * 60 * 1000), "7-days"],
    ["expiring this very instant", at(0), "7-days"],
    ["expired a millisecond ago", at(-1), "expired"],
    ["expired a year ago", at(-365 * DAY), "expired"],
  ])("%s → %s", (_name, notAfter, warning) => {
    expect(expiryWarning(notAfter, NOW)).toBe(warning);
  });
});
