import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor } from "../support/callers.ts";
import { concurrently, expectOneWinner } from "../support/concurrently.ts";
import { makeCertificateRow, makeGoLivePlan, makeTenant, type Tenant } from "../support/tenant-fixtures.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";

let services: TestServices;

async function stagesOf(caller: Awaited<ReturnType<typeof callerFor>>, institutionId: string) {
  const roadmap = await caller.goLive.get({ institutionId });
  if (!roadmap.opened) throw new Error("expected an open roadmap");
  return roadmap.stages;
}
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(() => services.cleanup());

const production = (t: Tenant) => t.environments.find((e) => e.kind === "PRODUCTION")?.id ?? "";
const homologation = (t: Tenant) => t.environments.find((e) => e.kind === "HOMOLOGATION")?.id ?? "";
const MANUAL_BEFORE_PRODUCTION = ["OPENID_CERTIFICATION", "CONSENT_SCREENS", "INTEGRATION_LAYER"] as const;

describe("go-live roadmap", () => {
  it("opens with a Delivery Manager who is an Opus person, derives what it can, and is read by the customer", async () => {
    const tenant = await makeTenant(services.db, "active", { members: true });
    const operator = await callerFor(services, "operator@opus.example");
    await expect(
      operator.goLive.open({ institutionId: tenant.id, deliveryManagerEmail: "ana@aurora.example", migrationRequired: false }),
    ).rejects.toMatchObject({ message: "The Delivery Manager must be an Opus person." });
    await operator.goLive.open({ institutionId: tenant.id, deliveryManagerEmail: "operator2@opus.example", migrationRequired: false });
    await expect(
      operator.goLive.open({ institutionId: tenant.id, deliveryManagerEmail: "operator2@opus.example", migrationRequired: false }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const ana = await callerFor(services, "ana@aurora.example");
    const roadmap = await ana.goLive.get({ institutionId: tenant.id });
    if (!roadmap.opened) throw new Error("expected an open roadmap");
    expect(roadmap.deliveryManager?.email).toBe("operator2@opus.example");
    expect(roadmap.stages.map((s) => [s.stage, s.state, s.derived, s.applies])).toEqual([
      ["ENVIRONMENTS", "DONE", true, true], // both environments of an active tenant are active
      ["OPENID_CERTIFICATION", "NOT_STARTED", false, true],
      ["CONSENT_SCREENS", "NOT_STARTED", false, true],
      ["INTEGRATION_LAYER", "NOT_STARTED", false, true],
      ["MIGRATION", "NOT_STARTED", false, false], // not moving from another solution
      ["FINAL_TESTS_DIRECTORY", "NOT_STARTED", false, true],
      ["DIRECTORY_CERTIFICATES", "NOT_STARTED", true, true],
      ["GO_LIVE", "NOT_STARTED", false, true],
    ]);
    expect(roadmap.missing.productionDeploy).toEqual(MANUAL_BEFORE_PRODUCTION);

    // Certificates: a BRCAC alone is not enough; with a valid BRSEAL too the stage is done.
    await makeCertificateRow(services.db, tenant.id);
    expect((await stagesOf(ana, tenant.id)).find((s) => s.stage === "DIRECTORY_CERTIFICATES")?.state).toBe("IN_PROGRESS");
    await makeCertificateRow(services.db, tenant.id, "BRSEAL");
    expect((await stagesOf(ana, tenant.id)).find((s) => s.stage === "DIRECTORY_CERTIFICATES")?.state).toBe("DONE");

    // Customer admins attach evidence; viewers cannot; derived stages are not set by hand.
    await ana.goLive.addEvidence({
      institutionId: tenant.id,
      stage: "CONSENT_SCREENS",
      label: "Screens sign-off",
      url: "https://drive.example/screens.pdf",
    });
    const victor = await callerFor(services, "victor@aurora.example");
    await expect(
      victor.goLive.addEvidence({ institutionId: tenant.id, stage: "CONSENT_SCREENS", label: "x", url: "https://drive.example/x" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      operator.goLive.updateStage({ institutionId: tenant.id, stage: "ENVIRONMENTS", expectedState: "NOT_STARTED", state: "DONE" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const after = await stagesOf(ana, tenant.id);
    expect(after.find((s) => s.stage === "CONSENT_SCREENS")?.evidence).toEqual([
      expect.objectContaining({ label: "Screens sign-off", url: "https://drive.example/screens.pdf" }),
    ]);
  });

  it("holds the production deploy, listing what is missing, until the homologation stages are done; homologation deploys", async () => {
    const tenant = await makeTenant(services.db, "active");
    await makeGoLivePlan(services.db, tenant.id);
    const operator = await callerFor(services, "operator@opus.example");
    const refused = operator.environments.deploy({ institutionId: tenant.id, environmentId: production(tenant) });
    await expect(refused).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "Deploying production waits for: OpenID certification of homologation; consent-journey screens; integration layer.",
    });
    expect(await services.db.operation.count({ where: { environmentId: production(tenant) } })).toBe(0);
    await operator.environments.deploy({ institutionId: tenant.id, environmentId: homologation(tenant) });

    for (const stage of MANUAL_BEFORE_PRODUCTION) {
      await operator.goLive.updateStage({ institutionId: tenant.id, stage, expectedState: "NOT_STARTED", state: "DONE" });
    }
    await operator.environments.deploy({ institutionId: tenant.id, environmentId: production(tenant) });
    expect(await services.db.operation.count({ where: { environmentId: production(tenant) } })).toBe(1);
  });

  it("opening a roadmap for an institution that does not exist is NOT_FOUND (it was a 500), and writes nothing", async () => {
    const otto = await callerFor(services, "operator@opus.example");
    const before = await services.db.auditEvent.count();
    await expect(
      otto.goLive.open({ institutionId: "no-such-institution", deliveryManagerEmail: "operator@opus.example", migrationRequired: false }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("does not exist") });
    expect(await services.db.auditEvent.count()).toBe(before);
  });

  it("an institution without a roadmap deploys production as before", async () => {
    const tenant = await makeTenant(services.db, "active");
    const operator = await callerFor(services, "operator@opus.example");
    await operator.environments.deploy({ institutionId: tenant.id, environmentId: production(tenant) });
  });

  it("refuses go-live while stages are open, with the list; declares it once they are done, exactly once under concurrency", async () => {
    const tenant = await makeTenant(services.db, "active");
    await makeGoLivePlan(services.db, tenant.id);
    const operator = await callerFor(services, "operator@opus.example");
    await expect(operator.goLive.declare({ institutionId: tenant.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message:
        "Go-live waits for: OpenID certification of homologation; consent-journey screens; integration layer; final tests and production directory set-up; certificates registered in the Directory.",
    });

    const ready = await makeTenant(services.db, "active");
    await makeGoLivePlan(services.db, ready.id, { ready: true });
    const outcomes = await concurrently(20, () => operator.goLive.declare({ institutionId: ready.id }));
    expectOneWinner(outcomes, 20);
    const plan = await services.db.goLivePlan.findUniqueOrThrow({ where: { institutionId: ready.id } });
    expect(plan.goLiveAt).not.toBeNull();
    expect(plan.overrideReason).toBeNull();
    expect(await services.db.auditEvent.count({ where: { institutionId: ready.id, action: "go_live.declared" } })).toBe(1);
  });

  it("moves a stage by compare-and-set: of 20 identical moves one wins", async () => {
    const tenant = await makeTenant(services.db, "active");
    await makeGoLivePlan(services.db, tenant.id);
    const operator = await callerFor(services, "operator@opus.example");
    const outcomes = await concurrently(20, () =>
      operator.goLive.updateStage({
        institutionId: tenant.id,
        stage: "INTEGRATION_LAYER",
        expectedState: "NOT_STARTED",
        state: "IN_PROGRESS",
      }),
    );
    expectOneWinner(outcomes, 20);
    expect(await services.db.auditEvent.count({ where: { institutionId: tenant.id, action: "go_live.stage_updated" } })).toBe(1);
    const row = await services.db.goLiveStageRecord.findFirstOrThrow({ where: { institutionId: tenant.id, stage: "INTEGRATION_LAYER" } });
    expect(row.state).toBe("IN_PROGRESS");
    expect(row.startedAt).not.toBeNull();
  });

  it("an override goes live with stages open only when a second Opus person approves, and keeps the reason", async () => {
    const tenant = await makeTenant(services.db, "active");
    await makeGoLivePlan(services.db, tenant.id);
    const admin = await callerFor(services, "admin@opus.example");
    const request = await admin.institutions.requestChange({
      institutionId: tenant.id,
      action: "GO_LIVE_OVERRIDE",
      reason: "Regulator deadline; certification evidence follows",
    });
    const approvals = await services.db.approvalRequest.findFirstOrThrow({
      where: { institutionId: tenant.id, action: "GO_LIVE_OVERRIDE" },
    });
    expect(approvals.id).toBe(request.id);
    await expect(admin.approvals.decide({ approvalId: request.id, decision: "approve" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await services.db.goLivePlan.findUniqueOrThrow({ where: { institutionId: tenant.id } })).goLiveAt).toBeNull();
    const second = await callerFor(services, "operator2@opus.example");
    await second.approvals.decide({ approvalId: request.id, decision: "approve" });
    const plan = await services.db.goLivePlan.findUniqueOrThrow({ where: { institutionId: tenant.id } });
    expect(plan.goLiveAt).not.toBeNull();
    expect(plan.overrideReason).toBe("Regulator deadline; certification evidence follows");
    // Live: the roadmap is closed, and a second override is refused.
    await expect(
      admin.institutions.requestChange({ institutionId: tenant.id, action: "GO_LIVE_OVERRIDE", reason: "again" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("an override without a roadmap is refused", async () => {
    const tenant = await makeTenant(services.db, "active");
    const admin = await callerFor(services, "admin@opus.example");
    await expect(
      admin.institutions.requestChange({ institutionId: tenant.id, action: "GO_LIVE_OVERRIDE", reason: "why" }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
  });
});
