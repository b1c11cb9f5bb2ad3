// Four eyes, suspension, resumption, offboarding with retention, export and confirmed destruction.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, institutionIdOf } from "../support/callers.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";

let services: TestServices;
let aurora: string;
beforeAll(async () => {
  services = await createTestServices();
  aurora = await institutionIdOf(services, "banco-aurora");
});
afterAll(() => services.cleanup());

describe("four eyes", () => {
  it("suspending needs a second operator; the requester cannot approve; resume restores service", async () => {
    const otto = await callerFor(services, "operator@opus.example");
    const olga = await callerFor(services, "operator2@opus.example");
    const request = await otto.institutions.requestChange({ institutionId: aurora, action: "SUSPEND", reason: "Unpaid invoices" });
    expect(request.status).toBe("PENDING");
    // Nothing happens until someone else approves.
    expect((await services.db.institution.findUniqueOrThrow({ where: { id: aurora } })).status).toBe("ACTIVE");
    await expect(otto.institutions.requestChange({ institutionId: aurora, action: "SUSPEND", reason: "again" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(otto.approvals.decide({ approvalId: request.id, decision: "approve" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("different Opus person"),
    });
    const inbox = await olga.approvals.find({ status: "PENDING" });
    expect(inbox.map((a) => [a.action, a.requestedBy, a.mine])).toEqual([["SUSPEND", "operator@opus.example", false]]);

    expect(await olga.approvals.decide({ approvalId: request.id, decision: "approve", note: "confirmed with billing" })).toMatchObject({
      status: "APPROVED",
    });
    const suspended = await services.db.institution.findUniqueOrThrow({ where: { id: aurora }, include: { environments: true } });
    expect(suspended.status).toBe("SUSPENDED");
    expect(suspended.environments.map((e) => e.status)).toEqual(["SUSPENDED", "SUSPENDED"]);
    await expect(olga.approvals.decide({ approvalId: request.id, decision: "reject" })).rejects.toMatchObject({ code: "CONFLICT" });

    expect((await otto.institutions.resume({ institutionId: aurora })).status).toBe("ACTIVE");
    const resumed = await services.db.environment.findMany({ where: { institutionId: aurora } });
    expect(resumed.every((e) => e.status === "ACTIVE")).toBe(true);
  });

  it("refuses a change that the tenant's state does not allow, with a clear message", async () => {
    const otto = await callerFor(services, "operator@opus.example");
    await expect(otto.institutions.requestChange({ institutionId: aurora, action: "DELETE", reason: "cleanup" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("offboard it first"),
    });
    await expect(
      otto.institutions.requestChange({ institutionId: aurora, action: "CHANGE_MODE", reason: "move", deploymentMode: "MANAGED" }),
    ).rejects.toMatchObject({
      message: expect.stringContaining("destroy them before changing"),
    });
    const sertao = await institutionIdOf(services, "fintech-sertao");
    await expect(otto.institutions.requestChange({ institutionId: sertao, action: "SUSPEND", reason: "x" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Cannot suspend an institution that is still a draft",
    });
    expect(await services.db.approvalRequest.count({ where: { status: "PENDING" } })).toBe(0);
  });

  it("changing the deployment mode of a draft goes through a second person", async () => {
    const sertao = await institutionIdOf(services, "fintech-sertao");
    const admin = await callerFor(services, "admin@opus.example");
    const otto = await callerFor(services, "operator@opus.example");
    const request = await admin.institutions.requestChange({
      institutionId: sertao,
      action: "CHANGE_MODE",
      reason: "customer asked",
      deploymentMode: "SAAS",
    });
    await otto.approvals.decide({ approvalId: request.id, decision: "approve" });
    expect((await services.db.institution.findUniqueOrThrow({ where: { id: sertao } })).deploymentMode).toBe("SAAS");
  });
});

describe("offboarding", () => {
  it("keeps data for the retention period, requires an export, records who confirmed destruction", async () => {
    const horizonte = await institutionIdOf(services, "coop-horizonte");
    const otto = await callerFor(services, "operator@opus.example");
    const olga = await callerFor(services, "operator2@opus.example");
    const admin = await callerFor(services, "admin@opus.example");
    await otto.institutions.review({ institutionId: horizonte, decision: "approve" });
    const now = new Date("2026-11-22T12:00:00Z");
    services.clock.set(now);
    await admin.institutions.setRetention({ institutionId: horizonte, retentionDays: 30 });
    const request = await otto.institutions.requestChange({ institutionId: horizonte, action: "OFFBOARD", reason: "contract ended" });
    await olga.approvals.decide({ approvalId: request.id, decision: "approve" });
    const offboarding = await services.db.institution.findUniqueOrThrow({ where: { id: horizonte } });
    expect(offboarding.status).toBe("OFFBOARDING");
    expect(offboarding.retentionUntil?.toISOString()).toBe("2026-12-22T12:00:00.000Z");

    await expect(admin.institutions.confirmDestruction({ institutionId: horizonte })).rejects.toMatchObject({
      message: expect.stringContaining("Export"),
    });
    // A failed run: its engine text is in Opus staff's copy, not in the customer's.
    const environment = await services.db.environment.findFirstOrThrow({ where: { institutionId: horizonte } });
    const engineText = "error: kubernetes:core/v1:Secret tenant-db: connection refused 10.0.3.7:6443";
    await services.db.operation.create({
      data: {
        environmentId: environment.id,
        stackName: "export-failure",
        kind: "UP",
        status: "FAILED",
        idempotencyKey: `export-${horizonte}`,
        error: engineText,
      },
    });
    const staffCopy = await otto.institutions.exportRecords({ institutionId: horizonte });
    expect(JSON.stringify(staffCopy)).toContain(engineText);
    const exported = await (await callerFor(services, "helena@horizonte.example")).institutions.exportRecords({ institutionId: horizonte });
    expect(JSON.stringify(exported)).not.toContain("connection refused");
    const failed = exported.institution.environments.flatMap((e) => e.operations).find((op) => op.status === "FAILED");
    expect(failed).toMatchObject({ error: null, failureHidden: true });
    expect(exported.format).toBe("opus-tenant-export/v1");
    expect(exported.institution.legalName).toBe("Cooperativa de Crédito Horizonte");
    expect(JSON.stringify(exported)).not.toMatch(/credentialsCiphertext|passwordHash|v1\.[A-Za-z0-9+/=]+\./);
    await expect(admin.institutions.confirmDestruction({ institutionId: horizonte })).rejects.toMatchObject({
      message: expect.stringContaining("2026-12-22"),
    });
    await expect(otto.institutions.confirmDestruction({ institutionId: horizonte })).rejects.toMatchObject({ code: "FORBIDDEN" });

    services.clock.set(new Date("2026-12-23T00:00:00Z"));
    const destroyed = await admin.institutions.confirmDestruction({ institutionId: horizonte });
    // Its environments were never provisioned, so nothing waits for the provisioner.
    expect(destroyed).toMatchObject({ status: "OFFBOARDED", environmentsToDestroy: [] });
    const done = await services.db.institution.findUniqueOrThrow({ where: { id: horizonte } });
    const adminUser = await services.db.user.findUniqueOrThrow({ where: { email: "admin@opus.example" } });
    expect(done).toMatchObject({ status: "OFFBOARDED", destroyedById: adminUser.id });
    expect(done.destroyedAt?.toISOString()).toBe("2026-12-23T00:00:00.000Z");
    services.clock.set(null);
  });
});
