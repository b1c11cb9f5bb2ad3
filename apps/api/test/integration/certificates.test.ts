import { DEMO_PASSWORD } from "@opus/db/demo-accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, institutionIdOf } from "../support/callers.ts";
import { HttpSession, startTestServer } from "../support/http-client.ts";
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

describe("certificate refusals over HTTP carry a reason code and the values it names", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer(services);
  });
  afterAll(() => server.close());

  it("for each check, so the console words them without reading the English sentence", async () => {
    const s = new HttpSession(server.base, services.publicUrl);
    expect((await s.postJson("/api/auth/sign-in/email", { email: "ana@aurora.example", password: DEMO_PASSWORD })).status).toBe(200);
    const upload = async (pem: string, kind: "BRCAC" | "BRSEAL" = "BRCAC") =>
      (await s.mutate("certificates.upload", { institutionId: aurora, kind, pem })).body.error?.json.data.reason;
    const own = { cnpj: AURORA.cnpj, organisationId: AURORA.organisationId };
    const valid = await makeCertificate({ kind: "BRCAC", ...own });

    expect(await upload(makePrivateKeyPems().pkcs8)).toEqual({ code: "CERTIFICATE_PRIVATE_KEY" });
    expect(await upload("hello")).toEqual({ code: "CERTIFICATE_MISSING" });
    expect(await upload(`${valid.pem}\n${valid.pem}`)).toEqual({ code: "CERTIFICATE_CHAIN", count: 2 });
    expect(await upload(`${valid.pem}-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n`)).toEqual({
      code: "CERTIFICATE_OTHER_BLOCK",
      label: "PUBLIC KEY",
    });
    expect(await upload("-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----")).toEqual({ code: "CERTIFICATE_UNREADABLE" });
    const foreignOrg = "350c4029-a025-47b9-9cfe-bee613e4b033";
    expect(await upload((await makeCertificate({ kind: "BRCAC", cnpj: AURORA.cnpj, organisationId: foreignOrg })).pem)).toEqual({
      code: "CERTIFICATE_OTHER_ORGANISATION",
      found: `OFBBR-${foreignOrg}`,
      expected: `OFBBR-${AURORA.organisationId}`,
    });
    expect(
      await upload((await makeCertificate({ kind: "BRCAC", cnpj: "11444777000161", organisationId: AURORA.organisationId })).pem),
    ).toEqual({
      code: "CERTIFICATE_CNPJ_MISMATCH",
      found: "11.444.777/0001-61",
      expected: "11.222.333/0001-81",
    });
    const expired = await makeCertificate({
      kind: "BRCAC",
      ...own,
      notBefore: new Date("2020-01-01"),
      notAfter: new Date("2021-03-04T12:00:00Z"),
    });
    expect(await upload(expired.pem)).toEqual({ code: "CERTIFICATE_EXPIRED", date: "2021-03-04" });
    expect(await upload((await makeCertificate({ kind: "BRSEAL", ...own })).pem, "BRCAC")).toEqual({ code: "CERTIFICATE_NOT_CLIENT_AUTH" });
    expect(await upload(valid.pem, "BRSEAL")).toEqual({ code: "CERTIFICATE_NOT_NON_REPUDIATION" });
    expect((await s.mutate("certificates.upload", { institutionId: aurora, kind: "BRCAC", pem: valid.pem })).status).toBe(200);
    expect(await upload(valid.pem)).toEqual({ code: "CERTIFICATE_DUPLICATE" });
  });
});
