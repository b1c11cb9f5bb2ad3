// The environments router's own rules (access by role is covered by the authorization matrix):
// tenant scoping, destroy only while offboarding, self-managed refused, audited requests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, institutionIdOf } from "../support/callers.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { createTenant, must } from "./support/fixtures.ts";

let services: TestServices;
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(() => services.cleanup());

describe("environments router", () => {
  it("lists an institution's environments with their latest operation", async () => {
    const aurora = await institutionIdOf(services, "banco-aurora");
    const operator = await callerFor(services, "operator@opus.example");
    const production = must((await operator.environments.find({ institutionId: aurora })).find((e) => e.kind === "PRODUCTION"));
    expect(production.latestOperation).toBeNull();
    const { operation } = await operator.environments.preview({ institutionId: aurora, environmentId: production.id });
    const viewer = await callerFor(services, "victor@aurora.example");
    const listed = await viewer.environments.find({ institutionId: aurora });
    expect(listed.find((e) => e.id === production.id)?.latestOperation).toMatchObject({
      id: operation.id,
      kind: "PREVIEW",
      status: "QUEUED",
      durationMs: null,
    });
    expect(listed[0]).not.toHaveProperty("lockedBy");
  });

  it("lists an environment's runs, newest first, with who asked for each", async () => {
    const tenant = await createTenant(services.db);
    const operator = await callerFor(services, "operator@opus.example");
    const input = { institutionId: tenant.id, environmentId: tenant.env.id };
    const preview = await operator.environments.preview(input);
    // A second later, so "newest first" is not decided by two requests within one millisecond.
    services.clock.set(new Date(Date.now() + 1000));
    const refresh = await operator.environments.refresh(input).finally(() => services.clock.set(null));
    const viewer = await callerFor(services, "victor@aurora.example");
    await expect(viewer.environments.findOperations(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const runs = await operator.environments.findOperations(input);
    expect(runs.map((r) => r.id)).toEqual([refresh.operation.id, preview.operation.id]);
    expect(runs[0]).toMatchObject({ kind: "REFRESH", status: "QUEUED", requestedBy: { name: expect.any(String), staff: true } });
    expect(runs[0]).not.toHaveProperty("lockedBy");
    expect(await operator.environments.getOperation({ institutionId: tenant.id, operationId: preview.operation.id })).toMatchObject({
      requestedBy: { staff: true },
    });
    const other = await createTenant(services.db);
    await expect(operator.environments.findOperations({ institutionId: other.id, environmentId: tenant.env.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("queues a deploy once per idempotency key and audits who asked", async () => {
    const tenant = await createTenant(services.db);
    const operator = await callerFor(services, "operator@opus.example");
    const input = { institutionId: tenant.id, environmentId: tenant.env.id, idempotencyKey: "click-1" };
    const first = await operator.environments.deploy(input);
    const again = await operator.environments.deploy(input);
    expect(first).toMatchObject({ created: true, operation: { kind: "UP", status: "QUEUED" } });
    expect(again).toMatchObject({ created: false, operation: { id: first.operation.id } });
    const audit = await services.db.auditEvent.findMany({
      where: { action: "environment.operation_requested", targetId: first.operation.id },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorEmail: "operator@opus.example", institutionId: tenant.id });
  });

  it("treats another tenant's environment and operation ids as not found", async () => {
    const [mine, theirs] = [await createTenant(services.db), await createTenant(services.db)];
    const admin = await callerFor(services, "admin@opus.example");
    const { operation } = await admin.environments.preview({ institutionId: theirs.id, environmentId: theirs.env.id });
    await expect(admin.environments.deploy({ institutionId: mine.id, environmentId: theirs.env.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    for (const call of [
      () => admin.environments.getOperation({ institutionId: mine.id, operationId: operation.id }),
      () => admin.environments.operationLogs({ institutionId: mine.id, operationId: operation.id }),
      () => admin.environments.cancel({ institutionId: mine.id, operationId: operation.id }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("destroys only while the institution is offboarding", async () => {
    const tenant = await createTenant(services.db);
    const operator = await callerFor(services, "operator@opus.example");
    const input = { institutionId: tenant.id, environmentId: tenant.env.id };
    await expect(operator.environments.destroy(input)).rejects.toMatchObject({
      code: "CONFLICT",
      message: `Environments are destroyed only while offboarding: offboard ${tenant.slug} first (it is active).`,
    });
    await services.db.institution.update({
      where: { id: tenant.id },
      data: { status: "OFFBOARDING", retentionUntil: new Date(Date.now() + 86_400_000) },
    });
    await expect(operator.environments.destroy(input)).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("retained until"),
    });
    await services.db.institution.update({ where: { id: tenant.id }, data: { retentionUntil: null } });
    expect(await operator.environments.destroy(input)).toMatchObject({ created: true, operation: { kind: "DESTROY" } });
  });

  it("refuses to operate a self-managed tenant", async () => {
    const tenant = await createTenant(services.db, { mode: "SELF_MANAGED" });
    const admin = await callerFor(services, "admin@opus.example");
    await expect(admin.environments.deploy({ institutionId: tenant.id, environmentId: tenant.env.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: `${tenant.slug} is self-managed: the customer runs the platform in their own cloud, so Opus never provisions it.`,
    });
  });
});
