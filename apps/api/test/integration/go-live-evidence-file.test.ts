// Evidence as a file on a go-live stage: a customer's admin uploads a PDF, PNG, JPEG, text or CSV
// (its type read from the bytes, its size limited), it shows on the stage without its bytes, it
// downloads through the institution's scope only, and bad files are refused with a reason and
// change nothing.
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@opus/db/demo-accounts";
import { EVIDENCE_MAX_BYTES } from "@opus/rules/go-live-evidence";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../../src/http/create-server.ts";
import { callerFor } from "../support/callers.ts";
import { HttpSession, startTestServer } from "../support/http-client.ts";
import { makeGoLivePlan, makeTenant, type Tenant } from "../support/tenant-fixtures.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { totpForRawSecret } from "../support/totp.ts";

let services: TestServices;
let tenant: Tenant;
beforeAll(async () => {
  services = await createTestServices();
  tenant = await makeTenant(services.db, "active", { members: true });
  await makeGoLivePlan(services.db, tenant.id);
});
afterAll(() => services.cleanup());

const PDF = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(2000, 0x20), Buffer.from("\n%%EOF\n")]);
const b64 = (b: Buffer) => b.toString("base64");
const upload = (caller: Awaited<ReturnType<typeof callerFor>>, fileName: string, bytes: Buffer, institutionId = tenant.id) =>
  caller.goLive.addEvidenceFile({ institutionId, stage: "OPENID_CERTIFICATION", label: "OpenID report", fileName, base64: b64(bytes) });

describe("go-live evidence files", () => {
  it("a customer's admin uploads a PDF; the stage lists it without its bytes; it downloads as uploaded, audited once", async () => {
    const ana = await callerFor(services, "ana@aurora.example");
    const added = await upload(ana, "openid-report.pdf", PDF);
    expect(added).toMatchObject({ fileName: "openid-report.pdf", contentType: "application/pdf", sizeBytes: PDF.length });
    const roadmap = await ana.goLive.get({ institutionId: tenant.id });
    if (!roadmap.opened) throw new Error("expected a roadmap");
    const stage = roadmap.stages.find((s) => s.stage === "OPENID_CERTIFICATION");
    expect(stage?.evidence).toEqual([
      expect.objectContaining({
        label: "OpenID report",
        url: null,
        file: { name: "openid-report.pdf", contentType: "application/pdf", sizeBytes: PDF.length },
      }),
    ]);
    expect(JSON.stringify(roadmap)).not.toContain(b64(PDF).slice(0, 40));
    const file = await ana.goLive.evidenceFile({ institutionId: tenant.id, evidenceId: added.id });
    expect(file).toEqual({ filename: "openid-report.pdf", contentType: "application/pdf", base64: b64(PDF) });
    const audit = await services.db.auditEvent.findMany({ where: { targetId: added.id, action: "go_live.evidence_added" } });
    expect(audit).toHaveLength(1);
  });

  it("reads the type from the bytes: a CSV is text/csv, an executable named .pdf is refused", async () => {
    const ana = await callerFor(services, "ana@aurora.example");
    expect((await upload(ana, "tests.csv", Buffer.from("case,result\nconsent,pass\n"))).contentType).toBe("text/csv");
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
    expect((await upload(ana, "directory.png", png)).contentType).toBe("image/png");
    const before = await services.db.goLiveEvidence.count();
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01]), Buffer.alloc(100, 0)]);
    await expect(upload(ana, "report.pdf", elf)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "base64: evidence files are PDF, PNG, JPEG, plain text or CSV; this file is none of them.",
    });
    await expect(upload(ana, "big.pdf", Buffer.concat([PDF, Buffer.alloc(EVIDENCE_MAX_BYTES, 0x20)]))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("must be a file of at most 8 MiB"),
    });
    await expect(upload(ana, "../../etc/passwd", Buffer.from("x"))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      ana.goLive.addEvidenceFile({ institutionId: tenant.id, stage: "OPENID_CERTIFICATION", label: "x", fileName: "a.txt", base64: "@@@" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "base64: the file is not valid base64 or is empty." });
    expect(await services.db.goLiveEvidence.count()).toBe(before);
  });

  it("another institution can neither upload to nor download from this roadmap", async () => {
    const ana = await callerFor(services, "ana@aurora.example");
    const added = await upload(ana, "screens.pdf", PDF);
    const helena = await callerFor(services, "helena@horizonte.example");
    await expect(upload(helena, "x.pdf", PDF)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(helena.goLive.evidenceFile({ institutionId: tenant.id, evidenceId: added.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    // Naming her own institution with this evidence's id finds nothing: the scope decides, not the id.
    const horizonte = await services.db.institution.findUniqueOrThrow({ where: { slug: "coop-horizonte" } });
    await expect(helena.goLive.evidenceFile({ institutionId: horizonte.id, evidenceId: added.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("go-live evidence files over HTTP", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let admin: HttpSession;
  beforeAll(async () => {
    server = await startTestServer(services);
    admin = new HttpSession(server.base, services.publicUrl);
    const account = DEMO_ACCOUNTS.find((a) => a.email === "admin@opus.example");
    await admin.postJson("/api/auth/sign-in/email", { email: account?.email, password: DEMO_PASSWORD });
    expect((await admin.postJson("/api/auth/two-factor/verify-totp", { code: totpForRawSecret(account?.totpSecret ?? "") })).status).toBe(
      200,
    );
  });
  afterAll(() => server.close());

  const body = (bytes: Buffer) => ({
    institutionId: tenant.id,
    stage: "OPENID_CERTIFICATION",
    label: "Test run",
    fileName: "run.pdf",
    base64: b64(bytes),
  });

  it("takes a file of the full limit, far above the API's ordinary request limit, and gives it back byte for byte", async () => {
    // A PDF of exactly EVIDENCE_MAX_BYTES: its base64 alone is ~43 times MAX_BODY_BYTES.
    const big = Buffer.concat([PDF, Buffer.alloc(EVIDENCE_MAX_BYTES - PDF.length, 0x20)]);
    expect(b64(big).length).toBeGreaterThan(40 * MAX_BODY_BYTES);
    const added = await admin.mutate("goLive.addEvidenceFile", body(big));
    expect(added.status).toBe(200);
    const { id, sizeBytes } = (added.body.result?.data.json ?? {}) as { id: string; sizeBytes: number };
    expect(sizeBytes).toBe(EVIDENCE_MAX_BYTES);
    const stored = await services.db.goLiveEvidence.findUniqueOrThrow({ where: { id }, select: { content: true } });
    expect(Buffer.from(stored.content ?? []).equals(big)).toBe(true);
  });

  it("refuses one byte over the limit with a 400 that says the limit, and a body past the upload's request limit with 413; nothing is stored", async () => {
    const before = await services.db.goLiveEvidence.count();
    const over = await admin.mutate(
      "goLive.addEvidenceFile",
      body(Buffer.concat([PDF, Buffer.alloc(EVIDENCE_MAX_BYTES - PDF.length + 1, 0x20)])),
    );
    expect(over.status).toBe(400);
    expect(over.body.error?.json.message).toBe("base64: the file is 8.1 MiB; evidence files are at most 8 MiB.");
    const huge = await admin.request("/api/trpc/goLive.addEvidenceFile", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: body(Buffer.alloc(EVIDENCE_MAX_BYTES + 64 * 1024, 0x20)) }),
    });
    expect(huge.status).toBe(413);
    expect(await services.db.goLiveEvidence.count()).toBe(before);
  });

  it("keeps the ordinary request limit for every other procedure, even batched with nothing larger", async () => {
    const res = await admin.request("/api/trpc/goLive.updateStage", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: { institutionId: tenant.id, note: "x".repeat(MAX_BODY_BYTES) } }),
    });
    expect(res.status).toBe(413);
  });
});
