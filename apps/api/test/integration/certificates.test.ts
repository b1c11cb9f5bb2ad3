import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, institutionIdOf } from "../support/callers.ts";
import { makeCertificate, makePrivateKeyPems } from "../support/make-certificate.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";

let services: TestServices;
let aurora: string;
// Banco Aurora in the demo seed.
const AURORA = { cnpj: "11222333000181", organisationId: "11ae60da-b8d4-4386-a011-635f3dd4b74d" };

beforeAll(async () => {
  services = await createTestServices();
  aurora = await institutionIdOf(services, "banco-aurora");
});
afterAll(() => services.cleanup());

describe("certificates", () => {
  it("stores a matching BRCAC, lists it with its fields and warns before expiry", async () => {
    const admin = await callerFor(services, "ana@aurora.example");
    const soon = new Date(Date.now() + 5 * 86_400_000);
    const cert = await makeCertificate({ kind: "BRCAC", cnpj: AURORA.cnpj, organisationId: AURORA.organisationId, notAfter: soon });
    const stored = await admin.certificates.upload({ institutionId: aurora, kind: "BRCAC", pem: cert.pem });
    expect(stored.kind).toBe("BRCAC");
    const [listed] = await admin.certificates.find({ institutionId: aurora });
    expect(listed).toMatchObject({ kind: "BRCAC", warning: "7-days" });
    expect(listed?.subject).toContain(`OFBBR-${AURORA.organisationId}`);
    const dashboard = await (await callerFor(services, "billing@opus.example")).dashboard.get();
    expect(dashboard.expiringCertificates.map((c) => [c.institution.legalName, c.warning])).toEqual([["Banco Aurora S.A.", "7-days"]]);
    await expect(admin.certificates.upload({ institutionId: aurora, kind: "BRCAC", pem: cert.pem })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("refuses another institution's certificate and private keys, storing nothing", async () => {
    const admin = await callerFor(services, "ana@aurora.example");
    const before = await services.db.certificate.count();
    const foreign = await makeCertificate({ kind: "BRCAC", cnpj: AURORA.cnpj, organisationId: "350c4029-a025-47b9-9cfe-bee613e4b033" });
    await expect(admin.certificates.upload({ institutionId: aurora, kind: "BRCAC", pem: foreign.pem })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("OFBBR-"),
    });
    const key = makePrivateKeyPems().pkcs8;
    await expect(admin.certificates.upload({ institutionId: aurora, kind: "BRCAC", pem: key })).rejects.toMatchObject({
      message: expect.stringContaining("Private keys must never be uploaded"),
    });
    expect(await services.db.certificate.count()).toBe(before);
    const events = await services.db.auditEvent.findMany({ where: { institutionId: aurora }, omit: { seq: true } });
    expect(JSON.stringify(events)).not.toContain("PRIVATE KEY");
  });

  it("a viewer can read certificates but not upload", async () => {
    const viewer = await callerFor(services, "victor@aurora.example");
    expect((await viewer.certificates.find({ institutionId: aurora })).length).toBeGreaterThan(0);
    const cert = await makeCertificate({ kind: "BRSEAL", cnpj: AURORA.cnpj, organisationId: AURORA.organisationId });
    await expect(viewer.certificates.upload({ institutionId: aurora, kind: "BRSEAL", pem: cert.pem })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
